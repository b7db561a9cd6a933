// The materialised path of an org in the union tree ("/<root id>/.../<own id>/"), which turns
// "everything under this org" into one indexed range scan instead of a recursive walk.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zj {

class OrgPath {
 public:
  //! The path of a root org.
  static OrgPath Root(std::int64_t id);
  //! The path stored in the database, as is.
  static OrgPath FromStored(std::string stored) { return OrgPath(std::move(stored)); }

  //! The path of a child with the given id.
  OrgPath Child(std::int64_t id) const;
  //! True when `other` is this org or lies below it.
  bool Contains(const OrgPath& other) const { return other.text_.starts_with(text_); }
  //! The ids along the path, root first, this org last.
  std::vector<std::int64_t> Ids() const;
  //! Depth: 1 for a root.
  int Depth() const;

  //! Half-open range [low, high) of stored paths in this subtree, for
  //! `WHERE path >= low AND path < high` on an index ('/' + 1 == '0').
  std::string SubtreeLow() const { return text_; }
  std::string SubtreeHigh() const { return text_.substr(0, text_.size() - 1) + "0"; }

  const std::string& str() const { return text_; }
  bool operator==(const OrgPath&) const = default;

 private:
  explicit OrgPath(std::string text) : text_(std::move(text)) {}
  std::string text_;
};

}  // namespace zj
