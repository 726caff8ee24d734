#include "core/trace.h"

namespace colophon::core {

std::string_view trace_role_name(TraceRole role)
{
    switch (role) {
    case TraceRole::Title:
        return "title";
    case TraceRole::Subtitle:
        return "subtitle";
    case TraceRole::Byline:
        return "byline";
    case TraceRole::Date:
        return "date";
    case TraceRole::Provenance:
        return "provenance";
    case TraceRole::Series:
        return "series";
    case TraceRole::FrontOther:
        return "front-matter";
    case TraceRole::Abstract:
        return "abstract";
    case TraceRole::Heading:
        return "heading";
    case TraceRole::Paragraph:
        return "paragraph";
    case TraceRole::Footnote:
        return "footnote";
    case TraceRole::RunningHeader:
        return "running-header";
    case TraceRole::RunningFooter:
        return "running-footer";
    case TraceRole::PageNumber:
        return "page-number";
    case TraceRole::Dropped:
        return "dropped";
    }
    return "unknown";
}

std::string_view block_verdict_name(BlockVerdict verdict)
{
    switch (verdict) {
    case BlockVerdict::Kept:
        return "kept";
    case BlockVerdict::Dropped:
        return "dropped";
    case BlockVerdict::Furniture:
        return "furniture";
    }
    return "unknown";
}

} // namespace colophon::core
