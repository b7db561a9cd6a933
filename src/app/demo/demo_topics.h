// What workers bring to the 12351 hotline, per request category (the default categories of
// migration 0007), written as callers put it: titles with their descriptions, and for each
// category the answers a union gives when it resolves one. A demo request draws its title from
// its own category's table, so a wage claim is never filed as a contract question; the demo
// test checks every request against it.
#pragma once

#include <span>
#include <string_view>

namespace zj::app::demo {

struct Topic {
  const char* title;
  const char* description;
};

//! The topics of a leaf category (e.g. "rights.wage_arrears"); empty for an unknown code.
std::span<const Topic> TopicsOf(std::string_view category);
//! Resolution summaries fitting the category; empty for an unknown code.
std::span<const char* const> ResolutionsOf(std::string_view category);
//! True when `title` is one of the category's titles.
bool IsTopicOf(std::string_view category, std::string_view title);

//! Reasons for turning a request down, comments with ratings (by stars 1..5), notes of
//! follow-up visits.
std::span<const char* const> RejectionReasons();
std::span<const char* const> RatingComments(int stars);
std::span<const char* const> FollowUpNotes();

}  // namespace zj::app::demo
