#include "app/accounts/common_passwords.h"

namespace zj::app {

const accounts::CommonPasswords& BuiltinCommonPasswords() {
  static const accounts::CommonPasswords list =
      accounts::CommonPasswords::FromFxaModule(EmbeddedCommonPasswordsModule());
  return list;
}

}  // namespace zj::app
