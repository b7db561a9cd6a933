#include "app/clock.h"

#include <sodium.h>

#include <chrono>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "core/ids.h"

namespace zj::app {

std::int64_t SystemClock::NowMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

SecureRandom::SecureRandom() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::uint32_t SecureRandom::Next32() { return randombytes_random(); }

std::string SecureRandom::Token(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::int64_t NewId(const Clock& clock, Random& random) {
  // 22 random bits alone collide within one millisecond once a few thousand ids are made in it
  // (a demo load, a roster import): so within this process ids strictly increase. A random tail
  // that is not above the last id continues the last id's sequence instead; across processes the
  // random start of each millisecond keeps collisions unlikely.
  static std::mutex mutex;
  static std::int64_t last = 0;
  std::int64_t id = ComposeId(clock.NowMs(), random.Next32());
  std::lock_guard lock(mutex);
  if (id <= last) id = last + 1;
  last = id;
  return id;
}

}  // namespace zj::app
