#pragma once
// Document -> TEI P5 XML, the public contract of colophon's output (see README "TEI mapping").

#include "core/document.h"
#include "xml/xml_handles.h"

#include <string>

namespace colophon::tei {

inline constexpr const char* tei_namespace = "http://www.tei-c.org/ns/1.0";

// Builds the TEI tree. Deterministic: the same Document gives the same tree (no timestamps).
xml::XmlDocPtr build_tei(const core::Document& doc);

// Serialises a tree built by build_tei as UTF-8.
std::string write_tei(const xmlDoc* tei);

} // namespace colophon::tei
