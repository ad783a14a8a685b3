/* yakist — unit tests of the catalog readers (CKAN API JSON in every shape, a CKAN folder, a
 * Data Package, DCAT RDF/XML, both registers, a plain folder with sidecars) and of where
 * resource URLs point (paths leaving the folder are never read). Malformed catalogs and limits
 * are in test_catalog_edge.c, council.json in test_council.c. */
#include "catalog_test.h"

/* --- CKAN ------------------------------------------------------------------------------------ */

static void field_table_sorted(void **state)
{
    (void)state;
    assert_true(yk_cat_fields_sorted());
}

static void ckan_package_show(void **state)
{
    (void)state;
    struct loaded l;
    load_ok(&l, FX("ckan-package-show.json"));
    const struct yk_catalog *c = l.cat;
    assert_string_equal(c->kind, "ckan");
    assert_string_equal(c->root, YK_CATALOG_FIXTURES);
    assert_int_equal(c->ndatasets, 1);
    assert_int_equal(strlen(c->digest), 16);
    const struct yk_dataset *d = &c->datasets[0];
    assert_int_equal(d->index, 0);
    assert_string_equal(d->source, FX("ckan-package-show.json"));
    assert_int_equal(d->source_line, 4); /* the line of "result": { */
    assert_string_equal(d->id, "5f2c1a7e-3b1d-4c8e-9a0f-1d2e3f4a5b6c");
    assert_string_equal(d->name, "byudzhet-chortkivskoyi-hromady-2025");
    assert_string_equal(d->title, "Бюджет Чортківської міської територіальної громади на 2025 рік");
    assert_non_null(strstr(d->notes, "обмеженим доступом"));
    assert_string_equal(d->purpose, "Бюджетний кодекс України, стаття 28; інформування "
                                    "громадськості про виконання бюджету");
    assert_string_equal(d->language, "uk");
    assert_string_equal(d->update_frequency, "once a month");
    assert_string_equal(d->license_id, "cc-by");
    assert_string_equal(d->license_title, "Creative Commons Attribution");
    assert_string_equal(d->metadata_created, "2024-01-15T09:30:00.000000");
    assert_string_equal(d->metadata_modified, "2025-03-03T14:12:45.123456");
    assert_string_equal(d->maintainer, "Ковальчук Олена Іванівна");
    assert_string_equal(d->maintainer_email, "o.kovalchuk@chortkiv-rada.example.ua");
    assert_string_equal(d->publisher_name, "Чортківська міська рада");
    assert_string_equal(d->publisher_edrpou, "04058628"); /* from extras[] */
    assert_string_equal(d->perelik_item, "local.3");      /* from extras[] */
    assert_string_equal(d->data_as_of, "2025-03-01");
    assert_string_equal(d->state, "active");
    assert_false(d->is_private);
    /* tags[] wins over tag_string */
    assert_int_equal(d->ntags, 3);
    assert_string_equal(d->tags[2], "видатки");
    /* everything else is kept as text */
    assert_string_equal(extra(d, "author"), "Фінансове управління Чортківської міської ради");
    assert_string_equal(extra(d, "spatial"), "Чортків");
    assert_string_equal(extra(d, "num_resources"), "8");
    assert_string_equal(extra(d, "qa"), "{\"openness_score\":3,\"updated\":\"2025-03-03\"}");
    assert_string_equal(extra(d, "groups"), "[]");
    assert_string_equal(extra(d, "organization.name"), "chortkivska-miska-rada");
    assert_null(extra(d, "old_note")); /* a deleted extra */
    assert_null(extra(d, "tag_string"));

    assert_int_equal(d->nresources, 8);
    const struct yk_resource *r = d->resources;
    for (size_t i = 0; i < d->nresources; i++)
        assert_ptr_equal(r[i].dataset, d);
    assert_int_equal(r[0].location, YK_RES_LOCAL);
    assert_string_equal(r[0].path, FX("data/byudzhet-2025.csv"));
    assert_string_equal(r[0].mimetype, "text/csv");
    assert_string_equal(r[0].last_modified, "2025-03-03T14:12:40.000000");
    assert_int_equal(r[0].size, 421);
    assert_int_equal(r[1].location, YK_RES_LOCAL); /* percent-encoded Cyrillic name */
    assert_string_equal(r[1].path, FX("data/звіт.csv"));
    assert_int_equal(r[1].size, 75);
    assert_int_equal(r[2].location, YK_RES_REMOTE);
    assert_null(r[2].path);
    assert_int_equal(r[3].location, YK_RES_MISSING);
    assert_null(r[3].path);
    assert_int_equal(r[4].location, YK_RES_ESCAPES);
    assert_null(r[4].path);
    assert_int_equal(r[5].location, YK_RES_ESCAPES);
    assert_int_equal(r[6].location, YK_RES_INVALID);
    assert_int_equal(r[7].location, YK_RES_INVALID);
    assert_int_equal(r[7].size, -1);
    assert_non_null(note(c, "resources[6]: no url"));
    assert_non_null(note(c, "resources[7].size: not a number"));
    unload(&l);
}

static void digest_is_stable(void **state)
{
    (void)state;
    struct loaded a, b;
    load_ok(&a, FX("ckan-package-show.json"));
    load_ok(&b, FX("ckan-package-show.json"));
    assert_string_equal(a.cat->digest, b.cat->digest);
    unload(&b);
    load_ok(&b, FX("ckan-package-search.json"));
    assert_string_not_equal(a.cat->digest, b.cat->digest);
    unload(&a);
    unload(&b);
}

static void ckan_package_search(void **state)
{
    (void)state;
    struct loaded l;
    load_ok(&l, FX("ckan-package-search.json"));
    const struct yk_catalog *c = l.cat;
    assert_string_equal(c->kind, "ckan");
    assert_int_equal(c->ndatasets, 2);
    const struct yk_dataset *d = &c->datasets[0];
    assert_string_equal(d->name, "rozklad-rukhu-hromadskoho-transportu");
    assert_string_equal(d->publisher_name, "Відділ транспорту та зв'язку");
    assert_string_equal(d->language, "ua");
    assert_int_equal(d->ntags, 3); /* from tag_string, trimmed */
    assert_true(has_tag(d, "розклад"));
    assert_true(has_tag(d, "автобуси"));
    assert_int_equal(d->resources[0].location, YK_RES_LOCAL);
    assert_true(d->source_line > 1 && d->source_line < c->datasets[1].source_line);
    d = &c->datasets[1];
    assert_string_equal(extra(d, "extras"), "не список");
    assert_non_null(note(c, "extras: unknown shape"));
    assert_int_equal(d->resources[0].location, YK_RES_REMOTE); /* localhost is not special */
    assert_non_null(note(c, "5 datasets match, 2 are in this file"));
    unload(&l);
}

static void ckan_current_list(void **state)
{
    (void)state;
    struct loaded l;
    load_ok(&l, FX("ckan-current-list.json"));
    const struct yk_catalog *c = l.cat;
    assert_int_equal(c->ndatasets, 3);
    const struct yk_dataset *d = dataset(c, "c1");
    assert_string_equal(d->purpose, "Податковий кодекс України");
    assert_string_equal(d->update_frequency, "once a year");
    assert_string_equal(d->publisher_edrpou, "04058628");
    assert_string_equal(d->perelik_item, "local.12");
    assert_int_equal(d->resources[0].size, -1);
    assert_int_equal(d->source_line, 2);
    d = dataset(c, "c2");
    assert_null(d->title);
    assert_int_equal(d->nresources, 0);
    const struct yk_catalog_note *n = note(c, "dataset zapysy-bez-nazvy: no title");
    assert_non_null(n);
    assert_int_equal(n->line, 10);
    /* the object form of extras lands in the same fields */
    d = dataset(c, "c3");
    assert_string_equal(d->update_frequency, "once a month");
    assert_string_equal(d->data_as_of, "2025-06-30");
    assert_string_equal(extra(d, "kontrol"), "{\"stan\":\"перевірено\",\"bal\":4}");
    assert_int_equal(d->index, 2);
    unload(&l);
}

/* data.gov.ua's flattened extras, the extras[] list and the object form give the same model. */
static void extras_forms_agree(void **state)
{
    (void)state;
    static const char *const docs[] = {
        "{\"name\":\"a\",\"title\":\"Т\",\"purpose_of_collecting_information\":\"мета\","
        "\"update_frequency\":\"once a day\",\"language\":\"uk\",\"edrpou\":\"12345678\","
        "\"perelik_item\":\"all.7\",\"data_as_of\":\"2025-01-01\",\"своє\":\"значення\"}",
        "{\"name\":\"a\",\"title\":\"Т\",\"extras\":[{\"key\":\"purpose_of_collecting_"
        "information\",\"value\":\"мета\"},{\"key\":\"update_frequency\",\"value\":\"once a "
        "day\"},{\"key\":\"language\",\"value\":\"uk\"},{\"key\":\"publisher_identifier\","
        "\"value\":\"12345678\"},{\"key\":\"resolution_835_item\",\"value\":\"all.7\"},"
        "{\"key\":\"data_as_of\",\"value\":\"2025-01-01\"},{\"key\":\"своє\",\"value\":"
        "\"значення\"}]}",
        "{\"name\":\"a\",\"title\":\"Т\",\"extras\":{\"purpose\":\"мета\",\"frequency\":\"once a "
        "day\",\"language\":\"uk\",\"publisher_edrpou\":\"12345678\",\"perelik_item\":\"all.7\","
        "\"actual_date\":\"2025-01-01\",\"своє\":\"значення\"}}",
    };
    char dir[256];
    tmp_dir(dir, sizeof dir);
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        char path[512];
        struct loaded l;
        write_file(dir, "package.json", docs[i]);
        snprintf(path, sizeof path, "%s/package.json", dir);
        load_ok(&l, path);
        const struct yk_dataset *d = &l.cat->datasets[0];
        assert_string_equal(l.cat->kind, "ckan");
        assert_string_equal(d->purpose, "мета");
        assert_string_equal(d->update_frequency, "once a day");
        assert_string_equal(d->language, "uk");
        assert_string_equal(d->publisher_edrpou, "12345678");
        assert_string_equal(d->perelik_item, "all.7");
        assert_string_equal(d->data_as_of, "2025-01-01");
        assert_string_equal(extra(d, "своє"), "значення");
        assert_int_equal(d->nextras, 1);
        assert_int_equal(l.cat->nnotes, 0);
        unload(&l);
    }
    rm_tree(dir);
}

static void ckan_folder(void **state)
{
    (void)state;
    struct loaded l;
    load_ok(&l, FX("ckan-folder"));
    const struct yk_catalog *c = l.cat;
    assert_string_equal(c->kind, "ckan");
    assert_string_equal(c->root, FX("ckan-folder"));
    assert_int_equal(c->ndatasets, 2); /* council.json and the data file are not packages */
    assert_string_equal(c->datasets[0].id, "f-1");
    assert_string_equal(c->datasets[0].source, FX("ckan-folder/01-byudzhet.json"));
    assert_string_equal(c->datasets[0].publisher_edrpou, "02317511");
    assert_string_equal(c->datasets[1].id, "f-2");
    assert_string_equal(c->datasets[1].publisher_edrpou, "44123453");
    assert_string_equal(c->datasets[1].resources[0].path, FX("ckan-folder/data/rozklad.csv"));
    const struct yk_catalog_note *n = note(c, "not CKAN package metadata");
    assert_non_null(n);
    assert_string_equal(n->file, FX("ckan-folder/dani-zupynok.json"));
    unload(&l);
}

/* --- Data Package, DCAT, registers, plain folders -------------------------------------- */

static void datapackage(void **state)
{
    (void)state;
    struct loaded l;
    load_ok(&l, FX("datapackage"));
    const struct yk_catalog *c = l.cat;
    assert_string_equal(c->kind, "datapackage");
    assert_int_equal(c->ndatasets, 1);
    const struct yk_dataset *d = &c->datasets[0];
    assert_string_equal(d->name, "zaklady-doshkilnoi-osvity");
    assert_non_null(strstr(d->notes, "кількість вихованців"));
    assert_string_equal(d->license_id, "cc-by");
    assert_string_equal(d->license_title, "Creative Commons Attribution");
    assert_string_equal(d->metadata_created, "2024-02-01T10:00:00");
    assert_string_equal(d->metadata_modified, "2025-08-29T12:00:00");
    assert_string_equal(d->update_frequency, "once a year");
    assert_string_equal(d->purpose, "Закон України «Про дошкільну освіту»");
    assert_string_equal(d->publisher_name, "Управління освіти, молоді та спорту");
    assert_string_equal(d->maintainer, "Гнатюк Марія Степанівна");
    assert_string_equal(d->maintainer_email, "osvita@chortkiv-rada.example.ua");
    assert_int_equal(d->ntags, 3);
    assert_true(has_tag(d, "дитячі садки"));
    assert_string_equal(extra(d, "author"), "Відділ інформаційних технологій");
    assert_string_equal(extra(d, "version"), "1.2");
    assert_string_equal(extra(d, "license_url"), "http://www.opendefinition.org/licenses/cc-by");
    assert_null(extra(d, "profile"));
    assert_int_equal(d->nresources, 2);
    const struct yk_resource *r = &d->resources[0];
    assert_string_equal(r->name, "Заклади дошкільної освіти");
    assert_string_equal(r->format, "csv");
    assert_string_equal(r->mimetype, "text/csv");
    assert_int_equal(r->size, 283);
    assert_int_equal(r->location, YK_RES_LOCAL);
    assert_string_equal(r->path, FX("datapackage/data/zaklady-osvity.csv"));
    assert_non_null(strstr(r->schema, "{\"fields\":[{\"name\":\"ЄДРПОУ\""));
    assert_int_equal(d->resources[1].location, YK_RES_REMOTE);
    assert_string_equal(d->resources[1].schema, "https://example.ua/schemas/zaklady.json");
    unload(&l);
}

static void dcat(void **state)
{
    (void)state;
    struct loaded l;
    load_ok(&l, FX("dcat.rdf"));
    const struct yk_catalog *c = l.cat;
    assert_string_equal(c->kind, "dcat");
    assert_int_equal(c->ndatasets, 2);
    const struct yk_dataset *d = &c->datasets[0];
    assert_string_equal(d->id, "4e1c0d2b-6a7f-4b8c-9d0e-1f2a3b4c5d6e");
    assert_string_equal(d->name, "byudzhet-2025");
    assert_string_equal(d->title, "Бюджет громади на 2025 рік"); /* Ukrainian preferred */
    assert_string_equal(d->notes, "Планові показники видатків & доходів.");
    assert_string_equal(d->metadata_created, "2024-01-15T09:30:00");
    assert_string_equal(d->metadata_modified, "2025-03-03T14:12:45");
    assert_string_equal(d->update_frequency, "once a month");
    assert_string_equal(d->language, "uk");
    assert_string_equal(d->publisher_name, "Фінансове управління");
    assert_string_equal(d->publisher_edrpou, "02317511");
    assert_string_equal(d->maintainer, "Ковальчук Олена");
    assert_string_equal(d->maintainer_email, "o.kovalchuk@chortkiv-rada.example.ua");
    assert_string_equal(d->license_id, "http://creativecommons.org/licenses/by/4.0/");
    assert_int_equal(d->ntags, 2);
    assert_string_equal(extra(d, "dct:spatial"), "http://sws.geonames.org/710403/");
    assert_int_equal(d->source_line, 19);
    assert_int_equal(d->nresources, 1);
    const struct yk_resource *r = &d->resources[0];
    assert_string_equal(r->format, "CSV");
    assert_string_equal(r->mimetype, "text/csv");
    assert_string_equal(r->url, "data/byudzhet-2025.csv"); /* downloadURL over accessURL */
    assert_int_equal(r->location, YK_RES_LOCAL);
    assert_int_equal(r->size, 421);
    assert_string_equal(r->name, "Бюджет (CSV)");

    d = &c->datasets[1];
    assert_string_equal(d->id, "https://data.chortkiv.example.ua/dataset/77aa");
    assert_string_equal(d->update_frequency, "once a quarter");
    assert_string_equal(d->publisher_name, "Чортківська міська рада"); /* the catalog's */
    assert_string_equal(d->publisher_edrpou, "04058628");
    assert_string_equal(d->maintainer, "Петренко Іван");
    assert_string_equal(d->maintainer_email, "transport@chortkiv-rada.example.ua");
    assert_string_equal(d->license_id, "http://creativecommons.org/licenses/by/4.0/");
    assert_string_equal(d->license_title, "CC BY 4.0");
    assert_int_equal(d->nresources, 1);
    assert_string_equal(d->resources[0].format, "XLSX");
    assert_int_equal(d->resources[0].location, YK_RES_REMOTE);
    assert_int_equal(c->nnotes, 0);
    unload(&l);
}

static void register_2019(void **state)
{
    (void)state;
    struct loaded l;
    load_ok(&l, FX("register-2019.csv"));
    const struct yk_catalog *c = l.cat;
    assert_string_equal(c->kind, "register");
    assert_int_equal(c->ndatasets, 3);
    const struct yk_dataset *d = &c->datasets[0];
    assert_string_equal(d->id, "byudzhet-2025");
    assert_int_equal(d->source_line, 2);
    assert_string_equal(d->update_frequency, "once a month");
    assert_string_equal(d->purpose, "Бюджетний кодекс України");
    assert_string_equal(d->publisher_name, "Фінансове управління");
    assert_string_equal(d->publisher_edrpou, "02317511");
    assert_string_equal(d->maintainer, "Ковальчук Олена");
    assert_string_equal(d->maintainer_email, "o.kovalchuk@chortkiv-rada.example.ua");
    assert_int_equal(d->ntags, 2);
    assert_int_equal(d->nresources, 1);
    assert_string_equal(d->resources[0].format, "CSV");
    assert_int_equal(d->resources[0].location, YK_RES_REMOTE);
    d = &c->datasets[1];
    assert_int_equal(d->source_line, 3);
    assert_string_equal(d->notes, "Розклад руху автобусів.\nОновлюється щокварталу.");
    assert_string_equal(d->resources[0].format, "CSV, XLSX");
    assert_null(d->publisher_edrpou);
    assert_int_equal(d->ntags, 2);
    d = &c->datasets[2];
    assert_int_equal(d->source_line, 6); /* after a quoted line break and a blank line */
    const struct yk_catalog_note *n = note(c, "row has 4 cells, the header has 12");
    assert_non_null(n);
    assert_int_equal(n->line, 6);
    assert_int_equal(d->nresources, 0);
    unload(&l);
}

static void register_2025(void **state)
{
    (void)state;
    struct loaded l;
    load_ok(&l, FX("register-2025.csv"));
    const struct yk_catalog *c = l.cat;
    assert_string_equal(c->kind, "register");
    assert_int_equal(c->ndatasets, 2);
    const struct yk_dataset *d = &c->datasets[0];
    assert_string_equal(d->id, "perelik-zakladiv");
    assert_string_equal(d->publisher_edrpou, "36000005");
    assert_string_equal(d->maintainer, "Гнатюк Марія");
    assert_string_equal(d->resources[0].url, "https://data.gov.ua/dataset/perelik-zakladiv");
    assert_string_equal(extra(d, "Примітка"), "оновлено у 2025");
    assert_non_null(note(c, "unknown columns kept as extras: Примітка"));
    d = &c->datasets[1];
    assert_null(d->notes);
    assert_null(d->maintainer_email);
    assert_int_equal(d->resources[0].location, YK_RES_LOCAL);
    assert_null(note(c, "row has"));
    unload(&l);
}

static void register_cp1251(void **state)
{
    (void)state;
    /* "identifier;title\nid-1;Бюджет\n" in windows-1251 */
    static const char doc[] = "identifier;title\nid-1;\xC1\xFE\xE4\xE6\xE5\xF2\n";
    char dir[256], path[512];
    struct loaded l;
    tmp_dir(dir, sizeof dir);
    write_file(dir, "reestr.csv", doc);
    snprintf(path, sizeof path, "%s/reestr.csv", dir);
    load_ok(&l, path);
    assert_int_equal(l.cat->ndatasets, 1);
    assert_string_equal(l.cat->datasets[0].title, "Бюджет");
    assert_non_null(note(l.cat, "not UTF-8"));
    unload(&l);
    rm_tree(dir);
}

static void plain_folder(void **state)
{
    (void)state;
    struct loaded l;
    load_ok(&l, FX("plain-folder"));
    const struct yk_catalog *c = l.cat;
    assert_string_equal(c->kind, "folder");
    assert_int_equal(c->ndatasets, 4); /* README.md and the sidecars are not datasets */
    assert_string_equal(c->datasets[0].id, "byudzhet.csv");
    assert_string_equal(c->datasets[1].id, "pidrozdil/shkoly.xml");
    assert_string_equal(c->datasets[2].id, "rozklad.json");
    assert_string_equal(c->datasets[3].id, "zvit.pdf");
    const struct yk_dataset *d = &c->datasets[0];
    assert_string_equal(d->source, FX("plain-folder/byudzhet.csv.meta.json"));
    assert_string_equal(d->title, "Бюджет громади на 2025 рік");
    assert_string_equal(d->notes, "Планові та фактичні показники за програмною класифікацією.");
    assert_string_equal(d->publisher_name, "Фінансове управління");
    assert_string_equal(d->publisher_edrpou, "02317511");
    assert_string_equal(d->update_frequency, "once a month");
    assert_string_equal(d->perelik_item, "local.3");
    assert_int_equal(d->ntags, 2);
    assert_string_equal(extra(d, "dzherelo"), "АІС «Місцеві бюджети»");
    assert_int_equal(d->nresources, 1);
    assert_string_equal(d->resources[0].format, "CSV");
    assert_string_equal(d->resources[0].path, FX("plain-folder/byudzhet.csv"));
    assert_true(d->resources[0].size > 0);
    d = &c->datasets[1];
    assert_null(d->title);
    assert_string_equal(d->resources[0].format, "XML");
    assert_string_equal(d->resources[0].name, "shkoly.xml");
    assert_int_equal(d->resources[0].location, YK_RES_LOCAL);
    assert_string_equal(c->datasets[3].resources[0].format, "PDF");
    assert_non_null(note(c, "sidecar of a file that is not there"));
    unload(&l);
}

/* --- where resources point ----------------------------------------------------------------- */

static void paths_never_leave_the_folder(void **state)
{
    (void)state;
    char dir[256], cat[512], outside[512], doc[4096], path[600];
    tmp_dir(dir, sizeof dir);
    snprintf(cat, sizeof cat, "%s/cat", dir);
    assert_int_equal(mkdir(cat, 0755), 0);
    assert_int_equal(mkdir(strcat(strcpy(path, cat), "/inner"), 0755), 0);
    write_file(dir, "secret.csv", "a,b\n1,2\n");
    write_file(cat, "ok.csv", "a,b\n1,2\n");
    snprintf(outside, sizeof outside, "%s/secret.csv", dir);
    snprintf(path, sizeof path, "%s/link.csv", cat);
    assert_int_equal(symlink(outside, path), 0);
    snprintf(path, sizeof path, "%s/inner/up", cat);
    assert_int_equal(symlink("../..", path), 0);
    snprintf(doc, sizeof doc,
             "{\"name\":\"p\",\"title\":\"Шляхи\",\"resources\":["
             "{\"url\":\"../secret.csv\"},"             /* 0: .. above the folder */
             "{\"url\":\"%s\"},"                        /* 1: absolute, outside */
             "{\"url\":\"link.csv\"},"                  /* 2: symlink to outside */
             "{\"url\":\"inner/up/secret.csv\"},"       /* 3: through a folder link */
             "{\"url\":\"inner/../ok.csv\"},"           /* 4: inside after folding */
             "{\"url\":\"%s/ok.csv\"},"                 /* 5: absolute, inside */
             "{\"url\":\"file://%s/ok.csv\"},"          /* 6: file: URL inside */
             "{\"url\":\"file://%s\"},"                 /* 7: file: URL outside */
             "{\"url\":\"inner/../../secret.csv\"},"    /* 8: folds to outside */
             "{\"url\":\"HTTPS://data.gov.ua/x.csv\"}," /* 9 */
             "{\"url\":\"mailto:x@example.ua\"},"       /* 10 */
             "{\"url\":\"//cdn.example.ua/x.csv\"},"    /* 11: no scheme */
             "{\"url\":\"C:\\\\data\\\\x.csv\"},"       /* 12: a drive letter */
             "{\"url\":\"inner\"},"                     /* 13: a folder */
             "{\"url\":\"   \"}]}",                     /* 14 */
             outside, cat, cat, outside);
    write_file(cat, "catalog.json", doc);
    snprintf(path, sizeof path, "%s/catalog.json", cat);
    struct loaded l;
    load_ok(&l, path);
    const struct yk_resource *r = l.cat->datasets[0].resources;
    static const enum yk_resource_location want[] = {
        YK_RES_ESCAPES, YK_RES_ESCAPES, YK_RES_ESCAPES, YK_RES_ESCAPES, YK_RES_LOCAL,
        YK_RES_LOCAL,   YK_RES_LOCAL,   YK_RES_ESCAPES, YK_RES_ESCAPES, YK_RES_REMOTE,
        YK_RES_INVALID, YK_RES_INVALID, YK_RES_INVALID, YK_RES_MISSING, YK_RES_INVALID,
    };
    assert_int_equal(l.cat->datasets[0].nresources, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        if (r[i].location != want[i])
            fail_msg("resource %zu (%s): location %d, expected %d", i, r[i].url, r[i].location,
                     want[i]);
        if (r[i].location == YK_RES_LOCAL)
            assert_non_null(suffix(r[i].path, "ok.csv"));
        else
            assert_null(r[i].path);
    }
    unload(&l);

    /* a plain folder's link to a file outside is a dataset whose file is never read */
    snprintf(path, sizeof path, "%s/catalog.json", cat);
    assert_int_equal(unlink(path), 0);
    load_ok(&l, cat);
    assert_string_equal(l.cat->kind, "folder");
    const struct yk_dataset *d = dataset(l.cat, "link.csv");
    assert_int_equal(d->resources[0].location, YK_RES_ESCAPES);
    assert_null(d->resources[0].path);
    assert_non_null(note(l.cat, "symbolic link to a folder"));
    unload(&l);
    rm_tree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(field_table_sorted),
        cmocka_unit_test(ckan_package_show),
        cmocka_unit_test(digest_is_stable),
        cmocka_unit_test(ckan_package_search),
        cmocka_unit_test(ckan_current_list),
        cmocka_unit_test(extras_forms_agree),
        cmocka_unit_test(ckan_folder),
        cmocka_unit_test(datapackage),
        cmocka_unit_test(dcat),
        cmocka_unit_test(register_2019),
        cmocka_unit_test(register_2025),
        cmocka_unit_test(register_cp1251),
        cmocka_unit_test(plain_folder),
        cmocka_unit_test(paths_never_leave_the_folder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
