#include <gtest/gtest.h>

#include "codec/template_codec.h"

namespace campana::codec {
namespace {

// Prints the problems as the server prints them, one a line, so that a
// failing expectation shows them all.
std::string Lines(const std::vector<JsonProblem>& problems) {
  std::string out;
  for (const JsonProblem& p : problems) out += p.path + ": " + p.problem + "\n";
  return out;
}

// Issue 16: "a template with 3 kinds of mistake gets 3 precise errors". A
// typo in a field's name, a value of the wrong kind and a poll the room could
// not answer: all three come back at once, each with its place and the way to
// mend it, and nothing is made.
TEST(TemplateProblemsTest, ThreeKindsOfMistakeGetThreePreciseErrors) {
  const char* json = R"({"title": "Taller", "language": "es", "items": [
      {"title": "Bienvenida", "durationSeconds": 600},
      {"title": "Grupos", "groups": {"count": "cuatro"}},
      {"title": "Reflexión", "question": {"prompt": "¿Qué aprendió?"},
       "timer": [{"name": "Escribir", "seconds": 300}]},
      {"title": "Escala", "poll": {"questions": [
        {"type": "POLL_QUESTION_TYPE_SCALE", "prompt": "¿Cuánto?",
         "scaleMin": 5, "scaleMax": 1}]}}]})";
  // The shape comes first: the poll's scale is judged once the shape is right.
  EXPECT_EQ(Lines(TemplateProblems(json)),
            "items[1].groups.count: should be a whole number from 0, not text "
            "\"cuatro\"\n"
            "items[2].timer: is not a field here (\"timers\"?)\n");
  const std::string mended_shape = R"({"title": "Taller", "items": [
      {"title": "Grupos", "groups": {"count": 4,
        "teams": [{"name": "A", "groups": [1, 3]}, {"name": "B", "groups": [2, 5]}]}},
      {"title": "", "question": {"prompt": "¿Qué aprendió?"}},
      {"title": "Escala", "poll": {"questions": [
        {"type": "POLL_QUESTION_TYPE_SCALE", "prompt": "¿Cuánto?",
         "scaleMin": 5, "scaleMax": 1}]}}]})";
  EXPECT_EQ(Lines(TemplateProblems(mended_shape)),
            "items[0].groups.teams[1].groups[1]: group 5 does not exist: the "
            "item makes 4\n"
            "items[1].title: its title is empty\n"
            "items[2].poll: question 1: the scale's low end is not below its "
            "high end\n");
  auto refused = ParseTemplateJson(json);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.rejection().code, domain::RejectionCode::kInvalidArgument);
  EXPECT_EQ(refused.rejection().message,
            "the template has 2 problems:\n"
            "  items[1].groups.count: should be a whole number from 0, not "
            "text \"cuatro\"\n"
            "  items[2].timer: is not a field here (\"timers\"?)");
}

TEST(TemplateProblemsTest, EachKindOfValueIsCheckedWhereverItIs) {
  EXPECT_EQ(
      Lines(TemplateProblems(R"({"title": "T", "language": "fr",
      "items": [
        {"title": "Tiempo", "timers": [{"name": "Uno", "seconds": 1.5,
                                        "scope": {"id": -2}}]},
        {"title": "Tablero", "board": {"named": "yes", "columns": {"title": "A"}}},
        {"title": "Doble", "question": {"prompt": "¿?"}, "presentation": {}},
        {"title": "Encuesta", "poll": {"questions": [{"type": "SCALE"}]}}],
      "agenda": []})")),
      "agenda: is not a field here\n"
      "items[0].timers[0].scope.id: should be a whole number from 0, "
      "not the number -2\n"
      "items[0].timers[0].seconds: should be a whole number from 0, not "
      "the number 1.5\n"
      "items[1].board.columns: should be a list, not an object\n"
      "items[1].board.named: should be true or false, not text \"yes\"\n"
      "items[2]: has \"presentation\", \"question\": only one of them may "
      "be given\n"
      "items[3].poll.questions[0].type: should be one of "
      "POLL_QUESTION_TYPE_SINGLE, POLL_QUESTION_TYPE_MULTIPLE, "
      "POLL_QUESTION_TYPE_SCALE, POLL_QUESTION_TYPE_LIKERT, "
      "POLL_QUESTION_TYPE_RECOMMEND, POLL_QUESTION_TYPE_OPEN, "
      "POLL_QUESTION_TYPE_WORDS, not text \"SCALE\"\n");
  // Not JSON at all: one problem, about the document.
  const auto broken = TemplateProblems(R"({"title": "T", "items": [)");
  ASSERT_EQ(broken.size(), 1u);
  EXPECT_EQ(broken[0].path, "");
  EXPECT_TRUE(broken[0].problem.starts_with("is not JSON"))
      << broken[0].problem;
  EXPECT_EQ(Lines(TemplateProblems(R"(["title"])")),
            ": should be an object, not a list\n");
  // The content, once the shape is right: no title, a language the pages do
  // not speak.
  EXPECT_EQ(Lines(TemplateProblems(R"({"language": "fr", "items": []})")),
            "title: the title is empty\n"
            "language: should be \"es\" or \"en\", not \"fr\"\n");
  // The protobuf mapping's other spellings are accepted: numbers as text,
  // enums by number, null for the default, .proto names and JSON names.
  EXPECT_EQ(Lines(TemplateProblems(R"({"title": "T", "items": [
      {"title": "A", "duration_seconds": "600", "notes": null,
       "poll": {"questions": [{"type": 6, "prompt": "¿Qué?"}]}}]})")),
            "");
}

}  // namespace
}  // namespace campana::codec
