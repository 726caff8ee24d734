#include "pdf/poppler_messages.h"

#include <gtest/gtest.h>

#include <cstdio>

using colophon::pdf::PopplerMessages;

// Poppler's allocator says "Out of memory" on C's stderr and goes on without the object: the
// converter must hear of it.
TEST(PopplerMessages, AllocatorMessagesOnStderrAreKept)
{
    PopplerMessages messages;
    std::fputs("Out of memory\n", stderr);
    std::fputs("Bogus memory allocation size\n", stderr);
    const std::vector<std::string> said = messages.take();
    ASSERT_EQ(said.size(), 2u);
    EXPECT_EQ(said[0], "Out of memory");
    EXPECT_TRUE(messages.take().empty()) << "taken once";
}

TEST(PopplerMessages, ErrorsThroughTheCallbackAreKeptWarningsAreNot)
{
    PopplerMessages messages;
    error(errSyntaxWarning, 10, "harmless");
    error(errSyntaxError, 42, "Missing 'endstream'");
    const std::vector<std::string> said = messages.take();
    ASSERT_EQ(said.size(), 1u);
    EXPECT_EQ(said[0], "syntax error at byte 42: Missing 'endstream'");
}

// Other lines written to stderr meanwhile (the CLI's watchdog) pass straight on.
TEST(PopplerMessages, OtherLinesPassThrough)
{
    testing::internal::CaptureStderr();
    {
        PopplerMessages messages;
        std::fprintf(stderr, "ERROR: x.pdf: conversion exceeded the time limit\n");
        EXPECT_TRUE(messages.take().empty());
    }
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "ERROR: x.pdf: conversion exceeded the time limit\n");
}
