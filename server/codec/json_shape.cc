#include "codec/json_shape.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <string>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

namespace campana::codec {
namespace {

namespace pb = google::protobuf;
using Kind = pb::Value::KindCase;

// Edits (insert, delete, replace) from a to b.
size_t Distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string KindName(const pb::Value& v) {
  switch (v.kind_case()) {
    case Kind::kStringValue:
      return "text \"" + v.string_value() + "\"";
    case Kind::kNumberValue: {
      std::string n = std::to_string(v.number_value());
      n.erase(n.find_last_not_of('0') + 1);
      if (!n.empty() && n.back() == '.') n.pop_back();
      return "the number " + n;
    }
    case Kind::kBoolValue:
      return v.bool_value() ? "true" : "false";
    case Kind::kStructValue:
      return "an object";
    case Kind::kListValue:
      return "a list";
    default:
      return "null";
  }
}

// Whole numbers in [low, high]; the mapping also takes them as text.
bool WholeIn(const pb::Value& v, double low, double high) {
  double n = 0;
  if (v.kind_case() == Kind::kNumberValue) {
    n = v.number_value();
  } else if (v.kind_case() == Kind::kStringValue) {
    const std::string& s = v.string_value();
    size_t used = 0;
    try {
      n = std::stod(s, &used);
    } catch (const std::exception&) {
      return false;
    }
    if (used != s.size()) return false;
  } else {
    return false;
  }
  return std::isfinite(n) && std::floor(n) == n && n >= low && n <= high;
}

class Checker {
 public:
  explicit Checker(std::vector<JsonProblem>& out) : out_(out) {}

  void Message(const pb::Value& v, const pb::Descriptor& d,
               const std::string& path) {
    if (v.kind_case() != Kind::kStructValue) {
      return Add(path, "should be an object, not " + KindName(v));
    }
    // In the order of the keys: the parsed object's own order is a hash's.
    const auto& fields = v.struct_value().fields();
    std::vector<std::string> keys;
    for (const auto& [key, value] : fields) keys.push_back(key);
    std::sort(keys.begin(), keys.end());
    std::map<const pb::OneofDescriptor*, std::vector<std::string>> oneofs;
    for (const std::string& key : keys) {
      const pb::Value& value = fields.at(key);
      std::string at = path;
      if (!at.empty()) at += '.';
      at += key;
      const pb::FieldDescriptor* field = FindField(d, key);
      if (field == nullptr) {
        Unknown(d, key, at);
        continue;
      }
      if (value.kind_case() == Kind::kNullValue) continue;  // the default
      if (const auto* oneof = field->real_containing_oneof()) {
        oneofs[oneof].push_back(key);
      }
      Field(value, *field, at);
    }
    for (const auto& [oneof, keys] : oneofs) {
      if (keys.size() < 2) continue;
      std::string names;
      for (const std::string& k : keys) {
        names += (names.empty() ? "\"" : ", \"") + k + "\"";
      }
      Add(path, "has " + names + ": only one of them may be given");
    }
  }

 private:
  static const pb::FieldDescriptor* FindField(const pb::Descriptor& d,
                                              const std::string& key) {
    for (int i = 0; i < d.field_count(); ++i) {
      const pb::FieldDescriptor* f = d.field(i);
      if (f->name() == key || f->json_name() == key) return f;
    }
    return nullptr;
  }

  void Unknown(const pb::Descriptor& d, const std::string& key,
               const std::string& at) {
    std::string nearest;
    size_t best = std::max<size_t>(2, key.size() / 3) + 1;
    for (int i = 0; i < d.field_count(); ++i) {
      const std::string& name = d.field(i)->name();
      if (const size_t edits = Distance(key, name); edits < best) {
        best = edits;
        nearest = name;
      }
    }
    Add(at, nearest.empty() ? "is not a field here"
                            : "is not a field here (\"" + nearest + "\"?)");
  }

  void Field(const pb::Value& v, const pb::FieldDescriptor& f,
             const std::string& at) {
    if (!f.is_repeated()) return Single(v, f, at);
    if (v.kind_case() != Kind::kListValue) {
      return Add(at, "should be a list, not " + KindName(v));
    }
    const auto& items = v.list_value().values();
    for (int i = 0; i < items.size(); ++i) {
      Single(items[i], f, at + "[" + std::to_string(i) + "]");
    }
  }

  void Single(const pb::Value& v, const pb::FieldDescriptor& f,
              const std::string& at) {
    using F = pb::FieldDescriptor;
    constexpr double kInt32Min = std::numeric_limits<int32_t>::min();
    constexpr double kInt32Max = std::numeric_limits<int32_t>::max();
    constexpr double kUint32Max = std::numeric_limits<uint32_t>::max();
    constexpr double kInt64Max = 9.2233720368547758e18;
    switch (f.cpp_type()) {
      case F::CPPTYPE_MESSAGE:
        return Message(v, *f.message_type(), at);
      case F::CPPTYPE_STRING:
        if (v.kind_case() != Kind::kStringValue) {
          Add(at, "should be text, not " + KindName(v));
        }
        return;
      case F::CPPTYPE_BOOL:
        if (v.kind_case() != Kind::kBoolValue) {
          Add(at, "should be true or false, not " + KindName(v));
        }
        return;
      case F::CPPTYPE_INT32:
        if (!WholeIn(v, kInt32Min, kInt32Max)) {
          Add(at, "should be a whole number, not " + KindName(v));
        }
        return;
      case F::CPPTYPE_INT64:
        if (!WholeIn(v, -kInt64Max, kInt64Max)) {
          Add(at, "should be a whole number, not " + KindName(v));
        }
        return;
      case F::CPPTYPE_UINT32:
        if (!WholeIn(v, 0, kUint32Max)) {
          Add(at, "should be a whole number from 0, not " + KindName(v));
        }
        return;
      case F::CPPTYPE_UINT64:
        if (!WholeIn(v, 0, 2 * kInt64Max)) {
          Add(at, "should be a whole number from 0, not " + KindName(v));
        }
        return;
      case F::CPPTYPE_DOUBLE:
      case F::CPPTYPE_FLOAT:
        if (v.kind_case() != Kind::kNumberValue) {
          Add(at, "should be a number, not " + KindName(v));
        }
        return;
      case F::CPPTYPE_ENUM:
        return Enum(v, *f.enum_type(), at);
    }
  }

  void Enum(const pb::Value& v, const pb::EnumDescriptor& e,
            const std::string& at) {
    if (v.kind_case() == Kind::kNumberValue &&
        WholeIn(v, std::numeric_limits<int32_t>::min(),
                std::numeric_limits<int32_t>::max())) {
      return;
    }
    if (v.kind_case() == Kind::kStringValue &&
        e.FindValueByName(v.string_value()) != nullptr) {
      return;
    }
    std::string names;
    for (int i = 0; i < e.value_count(); ++i) {
      if (e.value(i)->number() == 0) continue;  // *_UNSPECIFIED
      names += (names.empty() ? "" : ", ") + e.value(i)->name();
    }
    Add(at, "should be one of " + names + ", not " + KindName(v));
  }

  void Add(const std::string& path, std::string problem) {
    out_.push_back({path, std::move(problem)});
  }

  std::vector<JsonProblem>& out_;
};

}  // namespace

std::vector<JsonProblem> CheckJsonShape(std::string_view json,
                                        const pb::Descriptor& message) {
  std::vector<JsonProblem> problems;
  pb::Value document;
  const auto status = pb::util::JsonStringToMessage(
      pb::StringPiece(json.data(), json.size()), &document);
  if (!status.ok()) {
    problems.push_back({"", "is not JSON: " + std::string(status.message())});
    return problems;
  }
  Checker(problems).Message(document, message, "");
  return problems;
}

}  // namespace campana::codec
