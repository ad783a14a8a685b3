/* yakist unit tests — the dialect sniffer: each delimiter, the quote character, header or not,
 * title rows above the header, forced values, and samples too small to tell anything. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "sniff.h"

static struct yk_dialect sniff(const char *text)
{
    struct yk_dialect d;
    memset(&d, 0, sizeof d);
    yk_sniff_dialect((const unsigned char *)text, strlen(text), &d);
    return d;
}

static void each_delimiter(void **state)
{
    (void)state;
    assert_int_equal(sniff("id,name,age\n1,Іван,30\n2,Петро,41\n").delimiter, ',');
    assert_int_equal(sniff("код;назва\n01;Київ\n02;Львів\n").delimiter, ';');
    assert_int_equal(sniff("a\tb\tc\n1\t2\t3\n4\t5\t6\n").delimiter, '\t');
    assert_int_equal(sniff("код|назва|сума\n01|Київ|5\n02|Львів|7\n").delimiter, '|');
    assert_int_equal(sniff("id;name\r\n1;x\r\n2;y\r\n").delimiter, ';');
}

static void delimiter_by_consistency(void **state)
{
    (void)state;
    /* Decimal commas make the comma count vary; the semicolon is regular. */
    assert_int_equal(sniff("назва;сума\nА;1,5\nБ;2,75\nВ;3\n").delimiter, ';');
    /* Every count regular: a comma between digits is a decimal comma, not the delimiter. */
    assert_int_equal(sniff("А;1,5\nБ;2,7\nВ;3,1\n").delimiter, ';');
    /* Delimiters inside quotes do not count. */
    assert_int_equal(sniff("\"a;b\",c\n\"d;e\",f\n\"g;h\",i\n").delimiter, ',');
    assert_int_equal(sniff("name;note\nx;\"1,2,3\"\ny;\"4,5\"\n").delimiter, ';');
    /* A quoted field across lines stays one record. */
    assert_int_equal(sniff("a|b\n1|\"x\ny\nz\"\n2|w\n").delimiter, '|');
    /* Equally regular: more columns win. */
    assert_int_equal(sniff("a;b,c;d\nx;y,z;w\n").delimiter, ';');
    /* A text column full of commas loses to a regular tab. */
    assert_int_equal(sniff("id\ttext\n1\tone, two\n2\tthree\n3\tfour, five, six\n").delimiter,
                     '\t');
}

static void quote_character(void **state)
{
    (void)state;
    struct yk_dialect d = sniff("'id','name'\n'1','Київ, центр'\n'2','Львів'\n");
    assert_int_equal(d.quote, '\'');
    assert_int_equal(d.delimiter, ',');
    /* Apostrophes inside Ukrainian words are no quotes. */
    d = sniff("ім'я,прізвище\nОлег,Д'яченко\nП'єр,Об'єднаний\n");
    assert_int_equal(d.quote, '"');
    d = sniff("id,name\n1,\"ТОВ \"\"Ромашка\"\"\"\n2,'x'\n3,'y'\n");
    assert_int_equal(d.quote, '"'); /* double quotes are used, so they win */
    /* Read with double quotes the commas look regular; with apostrophes the semicolon is. */
    d = sniff("'a,b';'c'\n'd,e';'f;g'\n'h;i;j,k';'l'\n");
    assert_int_equal(d.quote, '\'');
    assert_int_equal(d.delimiter, ';');
}

static void header_or_not(void **state)
{
    (void)state;
    struct yk_dialect d = sniff("id,name,age\n1,Іван,30\n2,Петро,41\n");
    assert_true(d.header);
    assert_int_equal(d.header_row, 1);
    d = sniff("1,2,3\n4,5,6\n7,8,9\n");
    assert_false(d.header);
    assert_int_equal(d.header_row, 0);
    d = sniff("1,Іван,30\n2,Петро,41\n");
    assert_false(d.header); /* numbers where the other rows have numbers */
    d = sniff("дата;сума\n01.02.2024;5\n03.02.2024;7\n");
    assert_true(d.header);
    d = sniff("01.01.2024;5\n03.02.2024;7\n");
    assert_false(d.header);
    /* Years are common labels: a year over other numbers is no evidence against a header. */
    d = sniff("Показник;2020;2021\nДоходи;5,5;6,1\nВидатки;3;4\n");
    assert_true(d.header);
    /* Percentages and numbers with grouped digits are numbers. */
    d = sniff("А;5%\nБ;7,5%\nВ;1 250,5\n");
    assert_false(d.header);
    d = sniff("А;1\u00A0250\nБ;2\u00A0500,75\n"); /* grouped by no-break spaces */
    assert_false(d.header);
    d = sniff("назва;частка\nА;5%\nБ;7,5%\n");
    assert_true(d.header);
    /* Only text: no evidence either way, so the usual case (a header) holds. */
    d = sniff("a,b,c\nd,e,f\n");
    assert_true(d.header);
    /* A blank label does not make the header a title row. */
    d = sniff("id,,age\n1101,John,30\n1102,Julie,26\n");
    assert_true(d.header);
    assert_int_equal(d.header_row, 1);
    d = sniff("id,name,,name\n1,english\n1,english\n\n2,german,1,2,3\n");
    assert_true(d.header);
    assert_int_equal(d.header_row, 1);
}

static void title_rows(void **state)
{
    (void)state;
    struct yk_dialect d = sniff("Звіт про виконання бюджету за 2023 рік\n"
                                "id,name,amount\n1,a,10\n2,b,20\n");
    assert_int_equal(d.delimiter, ',');
    assert_true(d.header);
    assert_int_equal(d.header_row, 2);
    /* Exported from a spreadsheet: the title row has the full width, one value. */
    d = sniff("Перелік закладів;;;\nA;B;C;D\n1;2;3;4\n5;6;7;8\n");
    assert_int_equal(d.delimiter, ';');
    assert_int_equal(d.header_row, 2);
    /* Two values where the table has five columns is still a title. */
    d = sniff("Звіт;2024\nA;B;C;D;E\n1;2;3;4;5\n6;7;8;9;10\n");
    assert_int_equal(d.delimiter, ';');
    assert_int_equal(d.header_row, 2);
    /* A title, an empty line, then the header. */
    d = sniff("Реєстр\n\nid,name\n1,x\n2,y\n");
    assert_int_equal(d.header_row, 3);
    /* No title: a full first row is the header even when the next one is sparse. */
    d = sniff("a,b,c\n1,,\n2,x,y\n3,z,w\n");
    assert_int_equal(d.header_row, 1);
}

static void forced_values(void **state)
{
    (void)state;
    struct yk_dialect d;
    memset(&d, 0, sizeof d);
    d.delimiter = ';';
    d.delimiter_forced = true;
    yk_sniff_dialect((const unsigned char *)"a,b\n1,2\n", 8, &d);
    assert_int_equal(d.delimiter, ';');
    assert_true(d.delimiter_forced);

    memset(&d, 0, sizeof d);
    d.quote = 0;
    d.quote_forced = true; /* quoting off */
    const char *q = "'a','b'\n'1','2'\n'3','4'\n";
    yk_sniff_dialect((const unsigned char *)q, strlen(q), &d);
    assert_int_equal(d.quote, 0);
    assert_int_equal(d.delimiter, ',');

    memset(&d, 0, sizeof d);
    d.header = false;
    d.header_forced = true;
    const char *h = "Title\nid,name\n1,x\n";
    yk_sniff_dialect((const unsigned char *)h, strlen(h), &d);
    assert_false(d.header);
    assert_int_equal(d.header_row, 0);

    memset(&d, 0, sizeof d);
    d.header = true;
    d.header_forced = true;
    yk_sniff_dialect((const unsigned char *)"1,2\n3,4\n", 8, &d);
    assert_true(d.header);
    assert_int_equal(d.header_row, 1);
    yk_sniff_dialect((const unsigned char *)h, strlen(h), &d);
    assert_int_equal(d.header_row, 2); /* forced on, the title row is still found */
}

static void tiny_samples(void **state)
{
    (void)state;
    struct yk_dialect d = sniff("");
    assert_int_equal(d.delimiter, ',');
    assert_int_equal(d.quote, '"');
    assert_true(d.header);
    assert_int_equal(d.header_row, 1);
    d = sniff("a");
    assert_int_equal(d.delimiter, ',');
    assert_int_equal(d.header_row, 1);
    d = sniff("\n\n\n");
    assert_int_equal(d.delimiter, ',');
    d = sniff("x;y");
    assert_int_equal(d.delimiter, ';');
    assert_true(d.header);
    d = sniff("\"unclosed,quote\n1,2\n");
    assert_int_equal(d.quote, '"');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_delimiter),
        cmocka_unit_test(delimiter_by_consistency),
        cmocka_unit_test(quote_character),
        cmocka_unit_test(header_or_not),
        cmocka_unit_test(title_rows),
        cmocka_unit_test(forced_values),
        cmocka_unit_test(tiny_samples),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
