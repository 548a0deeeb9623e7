/* Imported with its directory by ../imports.bt. */
#define EXTRA_LIMIT 7
