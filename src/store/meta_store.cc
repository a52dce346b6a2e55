#include "store/meta_store.h"

namespace qq::store {

Result<int64_t> MetaStore::DataVersion() {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT value FROM meta WHERE key = 'data_version'"));
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.Int(0) : int64_t{0};
}

Status MetaStore::BumpDataVersion() {
  return db_.Exec("UPDATE meta SET value = value + 1 WHERE key = 'data_version'");
}

}  // namespace qq::store
