#include "pool/claim_table.h"

#include <gtest/gtest.h>

#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using colophon::pool::ClaimTable;

TEST(ClaimTable, FirstClaimWinsAndAKeyMayClaimAgain)
{
    ClaimTable t(10, 1000);
    EXPECT_FALSE(t.claim("digest-a", "one"));
    EXPECT_EQ(t.claim("digest-a", "two").value_or(""), "one");
    EXPECT_FALSE(t.claim("digest-a", "one")); // its own claim: convert
    EXPECT_FALSE(t.claim("digest-b", "two"));
    EXPECT_EQ(t.claim("digest-b", "three").value_or(""), "two");
}

// When the table is full, documents are converted (never lost): duplicates go unnoticed.
TEST(ClaimTable, AFullTableAnswersConvert)
{
    ClaimTable t(1, 20); // room for about one claim's text
    EXPECT_FALSE(t.claim("digest-a", "one"));
    EXPECT_EQ(t.claim("digest-a", "two").value_or(""), "one");
    for (int i = 0; i < 100; ++i)
        EXPECT_FALSE(t.claim("other-digest-" + std::to_string(i), "key-" + std::to_string(i)));
    EXPECT_EQ(t.claim("digest-a", "three").value_or(""), "one");
}

// Workers are processes: the table is shared memory, and exactly one process wins each digest.
TEST(ClaimTable, ProcessesRacingForTheSameBytesHaveOneWinner)
{
    constexpr int processes = 4;
    constexpr int digests = 2000;
    ClaimTable t(processes * digests, processes * digests * 40);
    int pipes[processes][2];
    std::vector<pid_t> pids;
    for (int p = 0; p < processes; ++p) {
        ASSERT_EQ(::pipe(pipes[p]), 0);
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            int won = 0;
            for (int d = 0; d < digests; ++d)
                won += !t.claim("digest-" + std::to_string(d), "proc-" + std::to_string(p)).has_value();
            const ssize_t n = ::write(pipes[p][1], &won, sizeof won);
            ::_exit(n == sizeof won ? 0 : 1);
        }
        ::close(pipes[p][1]);
        pids.push_back(pid);
    }
    int total = 0;
    for (int p = 0; p < processes; ++p) {
        int won = 0;
        EXPECT_EQ(::read(pipes[p][0], &won, sizeof won), static_cast<ssize_t>(sizeof won));
        ::close(pipes[p][0]);
        total += won;
        int status = 0;
        ::waitpid(pids[static_cast<std::size_t>(p)], &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    EXPECT_EQ(total, digests);
    for (int d = 0; d < digests; d += 97) {
        const auto first = t.claim("digest-" + std::to_string(d), "parent");
        ASSERT_TRUE(first.has_value());
        EXPECT_EQ(first->rfind("proc-", 0), 0u) << *first;
    }
}
