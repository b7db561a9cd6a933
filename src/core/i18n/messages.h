// User-facing server messages in zh-CN (first) and en, looked up by key, with `{name}`
// placeholders filled from named arguments. The web front end has its own catalogue for UI text.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zj::i18n {

enum class Locale { kZhCN, kEn };

using Args = std::vector<std::pair<std::string, std::string>>;

//! The message for `key` in `locale` with placeholders filled. An unknown key yields the key
//! itself, so a missing translation is visible rather than silently empty.
std::string Translate(Locale locale, std::string_view key, const Args& args = {});

//! Picks the best supported locale from an Accept-Language header (RFC 9110 §12.5.4,
//! q-values honoured); zh-CN when nothing matches.
Locale NegotiateLocale(std::string_view accept_language);

std::string_view LocaleTag(Locale locale);

//! Every key in the catalogue, for the tests that prove both languages are complete.
std::vector<std::string_view> CatalogueKeys();
//! The keys of each part of the catalogue (catalogue.h), for the test that each is sorted.
std::vector<std::vector<std::string_view>> CatalogueParts();
//! True when the key has a non-empty text in the locale.
bool HasMessage(Locale locale, std::string_view key);

}  // namespace zj::i18n
