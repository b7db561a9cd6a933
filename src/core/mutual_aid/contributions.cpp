#include "core/mutual_aid/contributions.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace zj::mutual_aid {

namespace {

bool IsPayerCode(const std::string& code) {
  return !code.empty() && code.size() <= 40 && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

std::vector<FieldError> CheckPayers(const std::vector<PayerShare>& payers) {
  std::vector<FieldError> errors;
  std::set<std::string> seen;
  long long sum = 0;
  for (std::size_t i = 0; i < payers.size(); ++i) {
    const PayerShare& p = payers[i];
    sum += p.share_bp;
    const bool repeated = !seen.insert(p.payer).second;
    if (repeated || !IsPayerCode(p.payer) || p.share_bp < 1 || p.share_bp > 10'000) {
      errors.push_back({"payers." + std::to_string(i), "error.mutual_aid.payer", {}});
    }
  }
  if (payers.empty() || sum != 10'000) {
    errors.push_back({"payers", "error.mutual_aid.payer_shares", {}});
  }
  return errors;
}

std::vector<Due> Split(std::int64_t per_head_fen, std::int64_t headcount,
                       const std::vector<PayerShare>& payers) {
  const std::int64_t total = per_head_fen * headcount;
  std::vector<Due> dues;
  std::vector<std::int64_t> remainders;
  std::int64_t given = 0;
  for (const PayerShare& p : payers) {
    // total × share ÷ 10,000 without overflow for totals up to ~9 × 10^14 fen.
    const std::int64_t part = total / 10'000 * p.share_bp + total % 10'000 * p.share_bp / 10'000;
    const std::int64_t remainder = total % 10'000 * p.share_bp % 10'000;
    dues.push_back({p.payer, part});
    remainders.push_back(remainder);
    given += part;
  }
  std::vector<std::size_t> order(payers.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a < b;
  });
  for (std::size_t k = 0; given < total && !order.empty(); k = (k + 1) % order.size()) {
    ++dues[order[k]].fen;
    ++given;
  }
  return dues;
}

}  // namespace zj::mutual_aid
