/* Included by include_struct.bt: a local header found through -iquote (the script's own folder). */
#define LOCAL_LIMIT 16
struct local_pair {
  int first;
  int second;
};
