#include <thread>

#include <gtest/gtest.h>

#include "lobby_fixture.h"

namespace campana::testing {
namespace {

// The Lobby and its hubs have no locks: every call must come from the app
// thread, and the dev build asserts it.
class LobbyThreadDeathTest : public LobbyFixture {};

TEST_F(LobbyThreadDeathTest, ACallFromAnotherThreadStopsTheProcess) {
#ifdef NDEBUG
  GTEST_SKIP() << "assertions are off in this build";
#endif
  CreateWorkshop();  // this thread is now the app thread
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(std::thread([this] { lobby->OnWakeup(); }).join(),
               "app thread only");
  EXPECT_EQ(lobby->loaded_workshops(), 1u) << "its own thread still may";
}

}  // namespace
}  // namespace campana::testing
