#ifndef CAMPANA_DOMAIN_REJECTION_H_
#define CAMPANA_DOMAIN_REJECTION_H_

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace campana::domain {

// Why a request was refused. Values match campana.v1.RejectionCode.
enum class RejectionCode : uint8_t {
  kInvalidMessage = 1,
  kUnknownWorkshop = 2,
  kInvalidName = 3,
  kPermissionDenied = 4,
  kNotJoined = 5,
  kInvalidArgument = 6,
  kFailedPrecondition = 7,
  kNotFound = 8,
  kUnknownToken = 9,
  kAlreadyJoined = 10,
  kBusy = 11,
  kRemoved = 12,    // a facilitator removed this device and keeps it out
  kNameTaken = 13,  // another participant has this name
  // Someone else changed what the command was based on (an action plan's
  // field since the version the device read): nothing was applied; the device
  // has the current text in its view and may send again on it.
  kConflict = 14,
  // The organizer closed this workshop: joining has ended (the report stays).
  kClosed = 15,
};

// An error as a value, in the manner of LevelDB's Status: a code for programs
// and a message (English) for people. Nothing changed when a command gets one.
struct Rejection {
  RejectionCode code;
  std::string message;

  static Rejection InvalidMessage(std::string m) {
    return {RejectionCode::kInvalidMessage, std::move(m)};
  }
  static Rejection InvalidName(std::string m) {
    return {RejectionCode::kInvalidName, std::move(m)};
  }
  static Rejection PermissionDenied(std::string m) {
    return {RejectionCode::kPermissionDenied, std::move(m)};
  }
  static Rejection NotJoined(std::string m) {
    return {RejectionCode::kNotJoined, std::move(m)};
  }
  static Rejection InvalidArgument(std::string m) {
    return {RejectionCode::kInvalidArgument, std::move(m)};
  }
  static Rejection FailedPrecondition(std::string m) {
    return {RejectionCode::kFailedPrecondition, std::move(m)};
  }
  static Rejection NotFound(std::string m) {
    return {RejectionCode::kNotFound, std::move(m)};
  }
  static Rejection Conflict(std::string m) {
    return {RejectionCode::kConflict, std::move(m)};
  }

  bool operator==(const Rejection&) const = default;
  // "FailedPrecondition: the timer is already running"
  std::string Describe() const;
};

const char* Describe(RejectionCode code);

// A value or the Rejection that stands in its place.
template <typename T>
class [[nodiscard]] Result {
 public:
  // Implicit on purpose: a Decide returns a value or a Rejection as it is.
  // NOLINTNEXTLINE(google-explicit-constructor)
  Result(T value) : v_(std::move(value)) {}
  // NOLINTNEXTLINE(google-explicit-constructor)
  Result(Rejection rejection) : v_(std::move(rejection)) {}

  bool ok() const { return v_.index() == 0; }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  const Rejection& rejection() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Rejection> v_;
};

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_REJECTION_H_
