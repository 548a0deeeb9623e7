/* Imported by imports.bt. */
struct import_pair {
  int first;
  long second;
};
