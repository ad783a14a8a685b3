/* yakist — tests of shared-object plugins: the example plugin loads, registers its family and
 * runs like a built-in rule; a plugin for another ABI version, one whose ids lack its prefix,
 * one repeating a built-in id and one without the entry point are refused, naming the file,
 * and leave the registry as it was. The program exports its symbols (the plugins call
 * yk_emit and friends from it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include <yakist/yakist.h>

static uint64_t count_of(const struct yk_file_result *res, const char *id)
{
    for (size_t i = 0; i < res->ncounts; i++)
        if (strcmp(res->counts[i].rule->id, id) == 0)
            return res->counts[i].count;
    return 0;
}

static void loads_and_runs(void **state)
{
    (void)state;
    struct yk_registry *reg = NULL;
    struct yk_plugin *plugin = NULL;
    struct yk_error err;
    assert_int_equal(yk_registry_create(&reg, &err), 0);
    size_t before = yk_registry_count(reg);
    assert_int_equal(yk_plugin_load(YK_PLUGIN_CHORTKIV, reg, &plugin, &err), 0);
    assert_non_null(plugin);
    const struct yk_plugin_info *info = yk_plugin_info(plugin);
    assert_int_equal(info->abi, YK_PLUGIN_ABI);
    assert_string_equal(info->name, "chortkiv");
    assert_string_equal(info->version, "0.1");
    assert_int_equal(yk_registry_count(reg), before + 1);
    assert_non_null(yk_registry_find(reg, "chortkiv.street_prefix"));

    const char *csv = "id,street\n1,вул. Шевченка\n2,Франка\n3,вул.Лесі Українки\n";
    struct yk_check_options opt;
    yk_check_options_init(&opt, reg);
    opt.timing = false;
    opt.format = "csv";
    opt.schema_discover = false;
    struct yk_arena *arena = yk_arena_create(0);
    struct yk_file_result *res = NULL;
    assert_int_equal(yk_check_memory(csv, strlen(csv), "streets.csv", &opt, arena, &res, &err), 0);
    assert_int_equal(count_of(res, "chortkiv.street_prefix"), 2);
    yk_arena_destroy(arena);

    /* The same plugin twice: its family is already there. */
    struct yk_plugin *again = NULL;
    assert_int_equal(yk_plugin_load(YK_PLUGIN_CHORTKIV, reg, &again, &err), YK_EINVAL);
    assert_null(again);
    assert_non_null(strstr(err.message, "already registered"));
    assert_int_equal(yk_registry_count(reg), before + 1);

    yk_registry_destroy(reg); /* borrows the plugin's descriptors: first */
    yk_plugin_close(plugin);
    yk_plugin_close(NULL);
}

/* Each refused plugin: path, error code, a text of the message. */
static void refused(const char *path, int code, const char *text)
{
    struct yk_registry *reg = NULL;
    struct yk_plugin *plugin = NULL;
    struct yk_error err;
    assert_int_equal(yk_registry_create(&reg, &err), 0);
    size_t before = yk_registry_count(reg);
    yk_error_clear(&err);
    int rc = yk_plugin_load(path, reg, &plugin, &err);
    if (rc != code || !strstr(err.message, text))
        print_error("%s: rc %d, message '%s'; expected %d, '%s'\n", path, rc, err.message, code,
                    text);
    assert_int_equal(rc, code);
    assert_non_null(strstr(err.message, text));
    assert_string_equal(err.file, path);
    assert_null(plugin);
    assert_int_equal(yk_registry_count(reg), before);
    yk_registry_destroy(reg);
}

static void wrong_abi(void **state)
{
    (void)state;
    refused(YK_PLUGIN_BAD_ABI, YK_EUNSUPPORTED, "plugin built for ABI version 99");
}

static void ids_without_prefix(void **state)
{
    (void)state;
    refused(YK_PLUGIN_BAD_PREFIX, YK_EINVAL,
            "rule id 'chortkov.street_prefix' does not start with its family prefix 'chortkiv.'");
}

static void duplicate_builtin_id(void **state)
{
    (void)state;
    refused(YK_PLUGIN_DUPLICATE, YK_EINVAL, "rule id 'file.bom' is already registered");
}

static void no_entry_point(void **state)
{
    (void)state;
    refused(YK_PLUGIN_NO_ENTRY, YK_EIO, "no yakist_plugin() entry point");
}

static void not_loadable(void **state)
{
    (void)state;
    refused(YK_SOURCE_FILE, YK_EIO, "cannot load plugin");
    refused("/nonexistent/plugin.so", YK_EIO, "cannot load plugin");
    refused("plugin.so", YK_EINVAL, "not a bare name");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_and_runs),     cmocka_unit_test(wrong_abi),
        cmocka_unit_test(ids_without_prefix), cmocka_unit_test(duplicate_builtin_id),
        cmocka_unit_test(no_entry_point),     cmocka_unit_test(not_loadable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
