#include "kiosk/signup/sealing.h"

#include <sodium.h>
#include <sys/stat.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

using kiosk::testing::TempDir;

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

mode_t mode_of(const std::filesystem::path& file) {
  struct stat st {};
  EXPECT_EQ(::stat(file.c_str(), &st), 0);
  return st.st_mode & 0777;
}

TEST(Sealing, SodiumStarts) {
  EXPECT_TRUE(sodium_ready());
  EXPECT_TRUE(sodium_ready());
}

TEST(Sealing, Base64IsPaddedStandard) {
  const std::string bytes = "\xfb\xff\x01";
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  EXPECT_EQ(to_base64(data, 3), "+/8B");
  EXPECT_EQ(to_base64(data, 2), "+/8=");
  EXPECT_EQ(to_base64(data, 1), "+w==");
  EXPECT_EQ(to_base64(data, 0), "");
  const auto back = from_base64("+/8=");
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, (std::vector<unsigned char>{0xfb, 0xff}));
  EXPECT_FALSE(from_base64("+/8"));    // padding is required
  EXPECT_FALSE(from_base64("-_8="));   // URL-safe letters are another variant
  EXPECT_FALSE(from_base64("+/8=x"));  // stray text after the padding
  EXPECT_FALSE(from_base64("+/9="));   // bits past the last byte must be zero
  EXPECT_FALSE(
      from_base64("+\xaf"
                  "8="));  // libsodium 1.0.18 alone takes this (fuzzer)
}

TEST(Sealing, ParsePublicKeyTakesExactly32PaddedBytes) {
  std::array<unsigned char, 32> raw{};
  for (std::size_t i = 0; i < raw.size(); ++i) raw[i] = static_cast<unsigned char>(i * 7);
  const std::string text = to_base64(raw.data(), raw.size());
  ASSERT_EQ(text.size(), 44u);
  const auto key = parse_public_key(text);
  ASSERT_TRUE(key);
  EXPECT_EQ(key->bytes, raw);

  EXPECT_FALSE(parse_public_key(""));
  EXPECT_FALSE(parse_public_key(text.substr(0, 43)));                       // padding missing
  EXPECT_FALSE(parse_public_key(text + "\n"));                              // stray newline
  EXPECT_FALSE(parse_public_key(" " + text.substr(1)));                     // not base64
  EXPECT_FALSE(parse_public_key(to_base64(raw.data(), 31)));                // 31 bytes
  EXPECT_FALSE(parse_public_key(to_base64(raw.data(), 33).substr(0, 44)));  // cut 33 bytes
}

TEST(Sealing, SealOpensOnlyWithTheMatchingSecretKey) {
  ASSERT_TRUE(sodium_ready());
  PublicKey pub;
  SecretBytes secret(kSecretKeyBytes);
  crypto_box_keypair(pub.bytes.data(), secret.data());
  const std::string plaintext = R"({"person":{"first_name":"Begoña"}})";
  const auto sealed = seal(plaintext, pub);
  ASSERT_EQ(sealed.size(), plaintext.size() + crypto_box_SEALBYTES);
  EXPECT_EQ(std::string(sealed.begin(), sealed.end()).find("Begoña"), std::string::npos);

  const auto opened = open_sealed(sealed, secret);
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened->view(), plaintext);

  // Sealing is randomized: the same text never seals to the same bytes.
  EXPECT_NE(seal(plaintext, pub), sealed);

  PublicKey other_pub;
  SecretBytes other(kSecretKeyBytes);
  crypto_box_keypair(other_pub.bytes.data(), other.data());
  EXPECT_FALSE(open_sealed(sealed, other));

  auto damaged = sealed;
  damaged.back() ^= 1;
  EXPECT_FALSE(open_sealed(damaged, secret));
  EXPECT_FALSE(open_sealed({}, secret));
  EXPECT_FALSE(
      open_sealed(std::vector<unsigned char>(sealed.begin(), sealed.begin() + 10), secret));
}

TEST(Sealing, SecretBytesIsEmptiedOnClearAndMove) {
  SecretBytes a(std::string_view("secret"));
  EXPECT_EQ(a.view(), "secret");
  SecretBytes b = std::move(a);
  EXPECT_EQ(b.view(), "secret");
  EXPECT_EQ(a.size(), 0u);  // NOLINT(bugprone-use-after-move): moved-from is empty by contract
  SecretBytes c(std::string_view("other"));
  c = std::move(b);
  EXPECT_EQ(c.view(), "secret");
  c.clear();
  EXPECT_EQ(c.size(), 0u);
}

TEST(Sealing, KeygenWritesAPairThatWorksWithTheSecretFilePrivate) {
  TempDir dir;
  const auto out = dir.path() / "keys";
  ASSERT_EQ(write_key_pair(out), std::nullopt);
  EXPECT_EQ(mode_of(out / "intake.key"), 0600u);
  const std::string pub_text = read_text(out / "intake.pub");
  ASSERT_FALSE(pub_text.empty());
  EXPECT_EQ(pub_text.back(), '\n');
  const auto pub = parse_public_key(pub_text.substr(0, pub_text.size() - 1));
  ASSERT_TRUE(pub);

  const auto secret = read_secret_key(out / "intake.key");
  ASSERT_TRUE(secret.key) << secret.error;
  ASSERT_EQ(secret.key->size(), kSecretKeyBytes);
  const auto opened = open_sealed(seal("hola", *pub), *secret.key);
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened->view(), "hola");
}

TEST(Sealing, KeygenNeverReplacesAKey) {
  TempDir dir;
  ASSERT_EQ(write_key_pair(dir.path()), std::nullopt);
  const std::string first = read_text(dir.path() / "intake.key");
  const auto again = write_key_pair(dir.path());
  ASSERT_TRUE(again);
  EXPECT_NE(again->find("already exists"), std::string::npos) << *again;
  EXPECT_EQ(read_text(dir.path() / "intake.key"), first);

  // Only the secret key left behind: still refused, and the key is untouched.
  std::filesystem::remove(dir.path() / "intake.pub");
  EXPECT_TRUE(write_key_pair(dir.path()));
  EXPECT_EQ(read_text(dir.path() / "intake.key"), first);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "intake.pub"));
}

TEST(Sealing, KeygenKeyIsPrivateWhateverTheUmask) {
  TempDir dir;
  const mode_t old = ::umask(0);
  const auto error = write_key_pair(dir.path());
  ::umask(old);
  ASSERT_EQ(error, std::nullopt);
  EXPECT_EQ(mode_of(dir.path() / "intake.key"), 0600u);
  EXPECT_EQ(mode_of(dir.path() / "intake.pub"), 0644u);
}

TEST(Sealing, ReadSecretKeyExplainsABadFile) {
  TempDir dir;
  EXPECT_NE(read_secret_key(dir.path() / "missing.key").error.find("cannot read"),
            std::string::npos);
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir.path() / name, std::ios::binary) << text;
    return read_secret_key(dir.path() / name);
  };
  EXPECT_FALSE(write("empty.key", "").key);
  EXPECT_FALSE(write("short.key", "AAAA\n").key);
  std::array<unsigned char, 33> raw{};
  EXPECT_FALSE(write("long.key", to_base64(raw.data(), 33) + "\n").key);
  const auto bad = write("pub.key", "not base64 at all");
  EXPECT_FALSE(bad.key);
  EXPECT_NE(bad.error.find("not an intake secret key"), std::string::npos) << bad.error;
  EXPECT_TRUE(write("ok.key", "  " + to_base64(raw.data(), 32) + "\r\n").key);
}

TEST(Sealing, ReferencesAreShortCrockfordAndVary) {
  const std::regex shape("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string r = make_reference();
    EXPECT_TRUE(std::regex_match(r, shape)) << r;
    seen.insert(r);
  }
  EXPECT_GT(seen.size(), 195u);  // 32^8 values: a repeat in 200 is all but impossible
}

TEST(Sealing, IdempotencyKeysAreVersion4Uuids) {
  const std::regex shape("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string k = make_idempotency_key();
    EXPECT_TRUE(std::regex_match(k, shape)) << k;
    seen.insert(k);
  }
  EXPECT_EQ(seen.size(), 100u);
}

}  // namespace
}  // namespace kiosk
