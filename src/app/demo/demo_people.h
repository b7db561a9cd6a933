// Made-up people for the demo data: surnames weighted by their frequency in China, given-name
// characters by gender, ethnic groups by share, mobile number prefixes, and a seeded drawer of
// names, phones and valid national IDs (GB 11643-1999: a birth region, a working-age birth date
// and the right check character) for the members a demo union records by hand, the rows of a
// demo roster file and the workers who call the hotline. Same seed, same people.
#pragma once

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace zj::app::demo {

//! The most common surnames, roughly by frequency (weights per mille).
extern const std::vector<std::pair<const char*, int>> kSurnames;
//! Characters of given names; a given name is one of them or two.
extern const std::vector<const char*> kGivenMale;
extern const std::vector<const char*> kGivenFemale;
//! Ethnic groups (GB/T 3304 names) by share of the workforce, per mille.
extern const std::vector<std::pair<const char*, int>> kEthnicities;
//! Prefixes of mainland mobile numbers (11 digits, starting with 1).
extern const std::vector<const char*> kPhonePrefixes;

//! A distribution over a weighted table's entries.
std::discrete_distribution<std::size_t> Weighted(
    const std::vector<std::pair<const char*, int>>& table);

//! One drawn person.
struct DemoPerson {
  std::string name;
  bool male = true;
  std::string id_number;  //!< 18 characters, valid
  std::string phone;      //!< 11 digits
  std::string ethnicity;
};

class DemoPeople {
 public:
  explicit DemoPeople(std::uint64_t seed);

  std::size_t Pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  std::mt19937_64& engine() { return rng_; }

  std::string Name(bool male);
  std::string Phone();
  //! A valid ID of someone born in `region` (6 digits) between 1966 and 2004, unique among
  //! this drawer's. Its sequence code lies in 900..999, which the bulk generator (which counts
  //! up from 0 per region, day and gender) reaches only past 450 people of one gender born in
  //! one district on one day: so the demo's hand-recorded members never meet a bulk one.
  std::string IdNumber(const std::string& region, bool male);
  //! A whole person born in `region`.
  DemoPerson Person(const std::string& region);

 private:
  std::mt19937_64 rng_;
  std::discrete_distribution<std::size_t> surname_;
  std::discrete_distribution<std::size_t> ethnicity_;
  std::set<std::string> ids_;
};

}  // namespace zj::app::demo
