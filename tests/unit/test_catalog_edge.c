/* yakist — unit tests of the catalog readers at their edges: a CKAN package mapped from its
 * text and decoded with jansson giving the same dataset and notes, malformed catalogs (clear
 * errors with line and column), a broken file in a folder, limits, catalogs cut anywhere, and
 * a long list streamed with the line of every package. */
#include "catalog_test.h"

/* --- the two CKAN paths agree ---------------------------------------------------------------- */

static void same_text(const char *what, const char *a, const char *b)
{
    if ((a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0))
        fail_msg("%s: \"%s\" vs \"%s\"", what, a ? a : "(null)", b ? b : "(null)");
}

static void same_dataset(const struct yk_dataset *a, const struct yk_dataset *b)
{
    static const struct {
        const char *name;
        size_t off;
    } texts[] = {
#define T(f) {#f, offsetof(struct yk_dataset, f)}
        T(id),
        T(name),
        T(title),
        T(notes),
        T(purpose),
        T(language),
        T(update_frequency),
        T(license_id),
        T(license_title),
        T(metadata_created),
        T(metadata_modified),
        T(data_as_of),
        T(maintainer),
        T(maintainer_email),
        T(publisher_name),
        T(publisher_edrpou),
        T(perelik_item),
        T(state),
#undef T
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        same_text(texts[i].name,
                  *(const char *const *)(const void *)((const char *)a + texts[i].off),
                  *(const char *const *)(const void *)((const char *)b + texts[i].off));
    assert_int_equal(a->is_private, b->is_private);
    assert_int_equal(a->ntags, b->ntags);
    for (size_t i = 0; i < a->ntags; i++)
        same_text("tag", a->tags[i], b->tags[i]);
    assert_int_equal(a->nextras, b->nextras);
    for (size_t i = 0; i < a->nextras; i++) {
        same_text("extra key", a->extras[i].key, b->extras[i].key);
        same_text(a->extras[i].key, a->extras[i].value, b->extras[i].value);
    }
    assert_int_equal(a->nresources, b->nresources);
    for (size_t i = 0; i < a->nresources; i++) {
        const struct yk_resource *x = &a->resources[i], *y = &b->resources[i];
        same_text("resource id", x->id, y->id);
        same_text("resource name", x->name, y->name);
        same_text("resource description", x->description, y->description);
        same_text("resource format", x->format, y->format);
        same_text("resource mimetype", x->mimetype, y->mimetype);
        same_text("resource url", x->url, y->url);
        same_text("resource path", x->path, y->path);
        same_text("resource created", x->created, y->created);
        same_text("resource last_modified", x->last_modified, y->last_modified);
        same_text("resource schema", x->schema, y->schema);
        assert_int_equal(x->location, y->location);
        assert_int_equal(x->size, y->size);
    }
}

/* Each package read from a CKAN list (mapped from its text) and alone (decoded with jansson)
 * gives the same dataset and the same notes. */
static void fast_path_matches_jansson(void **state)
{
    (void)state;
    static const char odd[] =
        "{\"id\": \"odd\", \"name\": \"n\\u0430\\u0431\", "
        "\"title\": {\"en\": \"Budget\", \"uk\": \"\\u0411\\u044e\\u0434\\u0436\\u0435\\u0442\"}, "
        "\"notes\": [\"a\", 1], \"private\": \"true\", \"num\": 1.50, "
        "\"neg\": -0, \"flag\": false, \"nothing\": null, \"k\\u0435y\": \"\\ud83d\\ude00 "
        "\\\"q\\\" \\/\", "
        "\"tags\": [{\"name\": \"a\"}, \"b\", 3, {\"display_name\": \"c\"}, {\"name\": 4}], "
        "\"tag_string\": \"x,y\", "
        "\"extras\": {\"update_frequency\": \"once a day\", \"nested\": {\"a\": [1, 2.5, null]}, "
        "\"language\": 7}, "
        "\"organization\": {\"id\": \"o\", \"title\": \"Орг\", \"extras\": [{\"key\": \"edrpou\", "
        "\"value\": \"12345678\"}]}, "
        "\"resources\": [{\"url\": null, \"path\": [\"data/rozklad.csv\", \"b.csv\"], \"size\": "
        "421.0, "
        "\"schema\": {\"fields\": []}, \"title\": 5, \"name\": \"r\", \"mediatype\": "
        "\"text/csv\"}, "
        "7, {\"data\": [[1]], \"bytes\": \"12\", \"format\": true}, {\"size\": -3, \"url\": "
        "\"x\"}, "
        "{\"size\": \"1e3\", \"url\": \"https://e.ua\"}]}";
    static const char empty_tags[] = "{\"name\": \"t\", \"title\": \"T\", \"tags\": [], "
                                     "\"tag_string\": \" p , q,,\"}";
    const char *fixtures[] = {FX("ckan-package-show.json"), FX("ckan-current-list.json"),
                              FX("ckan-package-search.json"), NULL, NULL};
    char dir[256], path[512], list[512];
    tmp_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/data", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    write_file(dir, "data/rozklad.csv", "a\n");
    for (size_t f = 0; f < sizeof fixtures / sizeof fixtures[0]; f++) {
        json_t *pkgs;
        if (fixtures[f]) {
            json_t *doc = json_load_file(fixtures[f], 0, NULL);
            assert_non_null(doc);
            json_t *r = json_object_get(doc, "result");
            pkgs = json_is_array(r)                ? json_incref(r)
                   : json_object_get(r, "results") ? json_incref(json_object_get(r, "results"))
                                                   : json_pack("[O]", r);
            json_decref(doc);
        } else {
            pkgs = json_pack("[o]", json_loads(f == 3 ? odd : empty_tags, 0, NULL));
        }
        assert_non_null(pkgs);
        for (size_t i = 0; i < json_array_size(pkgs); i++) {
            json_t *one = json_array_get(pkgs, i);
            char *bare = json_dumps(one, JSON_INDENT(1));
            char *wrapped = NULL;
            json_t *w = json_pack("{s:b,s:[O]}", "success", 1, "result", one);
            wrapped = json_dumps(w, JSON_INDENT(2));
            json_decref(w);
            write_file(dir, "bare.json", bare);
            write_file(dir, "list.json", wrapped);
            free(bare);
            free(wrapped);
            struct loaded a, b;
            snprintf(path, sizeof path, "%s/bare.json", dir);
            snprintf(list, sizeof list, "%s/list.json", dir);
            load_ok(&a, list);
            load_ok(&b, path);
            assert_int_equal(a.cat->ndatasets, 1);
            assert_int_equal(b.cat->ndatasets, 1);
            same_dataset(&a.cat->datasets[0], &b.cat->datasets[0]);
            assert_int_equal(a.cat->nnotes, b.cat->nnotes);
            for (size_t n = 0; n < a.cat->nnotes; n++)
                same_text("note", a.cat->notes[n].message, b.cat->notes[n].message);
            unload(&a);
            unload(&b);
        }
        json_decref(pkgs);
    }
    rm_tree(dir);
}

/* --- malformed catalogs ------------------------------------------------------------------ */

struct bad_case {
    const char *name, *text;
    int rc;
    uint64_t line, column;
    const char *message;
};

static void malformed(void **state)
{
    (void)state;
    static const struct bad_case cases[] = {
        {"truncated.json",
         "{\"success\": true, \"result\": [\n {\"name\": \"a\",\n  \"title\": \"Б", YK_EPARSE, 3,
         12, "unterminated string"},
        {"cut-package.json", "{\"result\": {\"name\": \"a\", \"title\": \"Бюджет\"\n", YK_EPARSE, 2,
         1, "expected ',' or '}'"},
        {"bad-element.json", "[{\"name\": \"a\"},\n {\"name\": \"b\", \"title\": tru}]", YK_EPARSE,
         2, 0, "JSON syntax error"},
        {"bad-in-list.json", "{\"result\": [\n{\"name\": \"a\", \"hash\": \"\x01\"}]}", YK_EPARSE,
         2, 0, "control character"},
        {"bad-utf8-in-list.json", "{\"result\": [{\"name\": \"a\"},\n{\"name\": \"\xD0\"}]}",
         YK_EPARSE, 2, 0, "JSON syntax error"},
        {"bad-number-in-list.json", "{\"result\": [{\"resources\": [{\"size\": 01}]}]}", YK_EPARSE,
         1, 0, "JSON syntax error"},
        {"wrong-shape.json", "{\"rows\": [1, 2, 3]}", YK_EPARSE, 1, 1, "unknown catalog shape"},
        {"result-number.json", "{\"success\": true, \"result\": 42}", YK_EPARSE, 1, 29,
         "neither a package nor a list"},
        {"api-error.json",
         "{\"success\": false, \"error\": {\"message\": \"Not found\", \"__type\": \"Not Found "
         "Error\"}}",
         YK_EPARSE, 1, 13, "Not found"},
        {"trailing.json", "{\"name\": \"a\", \"title\": \"b\"} x", YK_EPARSE, 1, 29, "extra data"},
        {"broken.rdf",
         "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-"
         "ns#\">\n  <rdf:Description>\n</rdf:RDF>\n",
         YK_EPARSE, 4, 0, "XML syntax error"},
        {"not-rdf.xml", "<?xml version=\"1.0\"?>\n<budget><row/></budget>\n", YK_EPARSE, 2, 1,
         "not rdf:RDF"},
        {"text.csv", "це просто текст\nбез заголовка реєстру\n", YK_EPARSE, 1, 1,
         "not a register of datasets"},
        {"empty.json", "  \n", YK_EPARSE, 1, 1, "empty catalog file"},
        {"deep.json", NULL, YK_EPARSE, 1, 0, "nested too deeply"},
    };
    char dir[256], path[512];
    tmp_dir(dir, sizeof dir);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct bad_case *k = &cases[i];
        if (k->text) {
            write_file(dir, k->name, k->text);
        } else {
            char deep[2200] = "{\"skip\": ";
            for (int j = 0; j < 600; j++)
                strcat(deep, "[");
            write_file(dir, k->name, deep);
        }
        snprintf(path, sizeof path, "%s/%s", dir, k->name);
        struct loaded l;
        load(&l, path);
        if (l.rc != k->rc || !strstr(l.err.message, k->message))
            fail_msg("%s: rc %d, \"%s\"", k->name, l.rc, l.err.message);
        assert_null(l.cat); /* output is written only on success */
        assert_string_equal(l.err.file, path);
        assert_int_equal(l.err.line, k->line);
        if (k->column)
            assert_int_equal(l.err.column, k->column);
        else if (strcmp(k->name, "deep.json") != 0)
            assert_true(l.err.column > 0);
        unload(&l);
    }
    rm_tree(dir);
}

/* One broken package file in a folder is a note with its place; the others are all read. */
static void folder_keeps_the_rest(void **state)
{
    (void)state;
    char dir[256];
    tmp_dir(dir, sizeof dir);
    write_file(dir, "a.json", "{\"name\": \"a\", \"title\": \"А\", \"resources\": []}");
    write_file(dir, "b.json", "{\"name\": \"b\",\n \"title\": \"Б\", \"resources\": [\n{\"url\": ");
    write_file(dir, "c.json",
               "{\"success\": true, \"result\": {\"name\": \"c\", \"title\": \"В\", "
               "\"resources\": []}}");
    struct loaded l;
    load_ok(&l, dir);
    assert_string_equal(l.cat->kind, "ckan");
    assert_int_equal(l.cat->ndatasets, 2);
    assert_string_equal(l.cat->datasets[0].name, "a");
    assert_string_equal(l.cat->datasets[1].name, "c");
    const struct yk_catalog_note *n = note(l.cat, "JSON syntax error");
    assert_non_null(n);
    assert_non_null(suffix(n->file, "/b.json"));
    assert_int_equal(n->line, 3);
    assert_non_null(strstr(n->message, "file skipped"));
    unload(&l);
    rm_tree(dir);
}

static void limits(void **state)
{
    (void)state;
    char dir[256], path[512];
    tmp_dir(dir, sizeof dir);
    /* a title over the string limit is cut on a character boundary, with a note */
    size_t n = YK_CAT_STRING_MAX + 100;
    char *doc = malloc(n * 2 + 64);
    assert_non_null(doc);
    strcpy(doc, "{\"name\": \"big\", \"title\": \"");
    char *p = doc + strlen(doc);
    for (size_t i = 0; i < n / 2; i++, p += 2)
        memcpy(p, "ї", 2);
    strcpy(p, "\"}");
    write_file(dir, "big.json", doc);
    free(doc);
    snprintf(path, sizeof path, "%s/big.json", dir);
    struct loaded l;
    load_ok(&l, path);
    assert_true(strlen(l.cat->datasets[0].title) <= YK_CAT_STRING_MAX);
    assert_int_equal(strlen(l.cat->datasets[0].title) % 2, 0);
    assert_non_null(note(l.cat, "title: longer than"));
    unload(&l);
    /* a metadata file over the size cap is refused before it is read (a sparse file) */
    snprintf(path, sizeof path, "%s/huge.json", dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)YK_CAT_JSON_MAX + 1), 0);
    close(fd);
    load(&l, path);
    assert_int_equal(l.rc, YK_ELIMIT);
    assert_non_null(strstr(l.err.message, "larger than 256 MiB"));
    unload(&l);
    /* RDF/XML is held as a tree: it has a lower cap */
    write_file(dir, "big.rdf", "<rdf:RDF>");
    snprintf(path, sizeof path, "%s/big.rdf", dir);
    assert_int_equal(truncate(path, (off_t)YK_CAT_XML_MAX + 1), 0);
    load(&l, path);
    assert_int_equal(l.rc, YK_ELIMIT);
    assert_non_null(strstr(l.err.message, "larger than 64 MiB"));
    unload(&l);
    rm_tree(dir);
}

/* Every cut of a real catalog either loads or fails cleanly. */
static void cut_anywhere(void **state)
{
    (void)state;
    static const char *const files[] = {"ckan-package-show.json", "dcat.rdf", "register-2019.csv",
                                        "ckan-package-search.json"};
    char dir[256], path[512];
    tmp_dir(dir, sizeof dir);
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        char *buf;
        size_t len;
        struct yk_error err;
        snprintf(path, sizeof path, "%s/%s", YK_CATALOG_FIXTURES, files[f]);
        assert_int_equal(yk_cat_read_file(path, 1 << 20, "1 MiB", &buf, &len, &err), 0);
        for (size_t cut = 1; cut < len; cut += 37) {
            char saved = buf[cut];
            buf[cut] = '\0';
            write_file(dir, files[f], buf);
            buf[cut] = saved;
            snprintf(path, sizeof path, "%s/%s", dir, files[f]);
            struct loaded l;
            load(&l, path);
            assert_true(l.rc == 0 || l.rc == YK_EPARSE);
            assert_true(l.rc != 0 || l.cat != NULL);
            unload(&l);
        }
        free(buf);
    }
    rm_tree(dir);
}

/* A large list streams: every package knows its line. */
static void many_packages(void **state)
{
    (void)state;
    char dir[256], path[512];
    tmp_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/list.json", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("{\"success\": true, \"result\": [\n", f);
    for (int i = 0; i < 2000; i++)
        fprintf(f,
                "%s{\"id\": \"d%d\", \"name\": \"nabir-%d\", \"title\": \"Набір %d\", "
                "\"resources\": [{\"url\": \"https://data.gov.ua/%d.csv\", \"format\": "
                "\"CSV\"}]}\n",
                i ? "," : "", i, i, i, i);
    fputs("]}\n", f);
    assert_int_equal(fclose(f), 0);
    struct loaded l;
    load_ok(&l, path);
    assert_int_equal(l.cat->ndatasets, 2000);
    assert_int_equal(l.cat->datasets[1999].source_line, 2001);
    assert_string_equal(l.cat->datasets[1999].title, "Набір 1999");
    assert_ptr_equal(l.cat->datasets[1999].resources[0].dataset, &l.cat->datasets[1999]);
    unload(&l);
    rm_tree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fast_path_matches_jansson),
        cmocka_unit_test(malformed),
        cmocka_unit_test(folder_keeps_the_rest),
        cmocka_unit_test(limits),
        cmocka_unit_test(cut_anywhere),
        cmocka_unit_test(many_packages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
