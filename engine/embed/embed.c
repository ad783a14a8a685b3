/* yakist — build-time tool: turns data files (the Перелік, shipped standards, card templates)
 * into a C table compiled into libyakist, so the engine needs no data folder at run time.
 * Usage: embed OUT.c NAME=FILE...  (NAME is how yk_data_find looks the file up). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int emit_file(FILE *out, size_t index, const char *path)
{
    FILE *in = fopen(path, "rb");
    if (!in) {
        fprintf(stderr, "embed: cannot open %s\n", path);
        return -1;
    }
    fprintf(out, "static const unsigned char blob%zu[] = {", index);
    int c;
    size_t n = 0;
    while ((c = getc(in)) != EOF)
        fprintf(out, "%s%d,", n++ % 24 ? "" : "\n", c);
    fprintf(out, "0};\n");
    fclose(in);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: embed OUT.c NAME=FILE...\n");
        return 2;
    }
    FILE *out = fopen(argv[1], "w");
    if (!out) {
        fprintf(stderr, "embed: cannot write %s\n", argv[1]);
        return 1;
    }
    fprintf(out, "/* Generated at build time from the project's data files; do not edit. */\n");
    fprintf(out, "#include \"data.h\"\n");
    for (int i = 2; i < argc; i++) {
        const char *eq = strchr(argv[i], '=');
        if (!eq || emit_file(out, (size_t)i, eq + 1) < 0) {
            fclose(out);
            return 1;
        }
    }
    fprintf(out, "const struct yk_blob yk_blobs[] = {\n");
    for (int i = 2; i < argc; i++) {
        const char *eq = strchr(argv[i], '=');
        fprintf(out, "    {\"%.*s\", blob%d, sizeof blob%d - 1},\n", (int)(eq - argv[i]), argv[i],
                i, i);
    }
    fprintf(out, "};\nconst unsigned long yk_blob_count = %d;\n", argc - 2);
    return fclose(out) == 0 ? 0 : 1;
}
