// No libxml2 parse in colophon reads external entities, loads DTDs, touches the network or
// expands entities without bound.
#include "xml/xml_handles.h"

#include "validate/schema_validator.h"
#ifdef COLOPHON_HAVE_HTML
#include "html/html_converter.h"
#endif

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace colophon;

namespace {

// A TCP listener on 127.0.0.1 that counts the connections it was offered.
class Listener
{
public:
    Listener()
    {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        ::listen(fd_, 16);
        socklen_t len = sizeof addr;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
        port_ = ntohs(addr.sin_port);
    }
    ~Listener() { ::close(fd_); }
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;

    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

    int connections()
    {
        int n = 0;
        for (int fd; (fd = ::accept(fd_, nullptr, nullptr)) >= 0; ++n)
            ::close(fd);
        return n;
    }

private:
    int fd_ = -1;
    int port_ = 0;
};

std::string text_of_root(const xmlDoc* doc)
{
    return xml::node_text(xmlDocGetRootElement(const_cast<xmlDoc*>(doc)));
}

} // namespace

TEST(XmlSecurity, ExternalEntityIsNotRead)
{
    const std::string xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                            "<x>&e;</x>";
    const auto doc = xml::parse_xml(xxe);
    if (doc) {
        EXPECT_EQ(text_of_root(doc.get()).find("root:"), std::string::npos);
    }
}

TEST(XmlSecurity, BillionLaughsIsNotExpanded)
{
    std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n";
    bomb += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
    for (int i = 2; i <= 9; ++i) {
        bomb += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k)
            bomb += "&lol" + std::to_string(i - 1) + ";";
        bomb += "\">\n";
    }
    bomb += "]>\n<lolz>&lol9;</lolz>";
    const auto doc = xml::parse_xml(bomb);
    if (doc) {
        EXPECT_LT(text_of_root(doc.get()).size(), 100000u); // 10^9 "lol"s were not produced
    }
}

TEST(XmlSecurity, RemoteDtdIsNotFetched)
{
    Listener listener;
    const std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x SYSTEM \"" + listener.url("/x.dtd") +
                            "\">\n<x>&ent;</x>";
    (void)xml::parse_xml(xml);
    EXPECT_EQ(listener.connections(), 0);
}

TEST(XmlSecurity, SchemaImportFromNetworkIsNotFetched)
{
    Listener listener;
    const auto dir = std::filesystem::temp_directory_path() / "colophon-xml-security";
    std::filesystem::create_directories(dir);
    const auto xsd = dir / "remote-import.xsd";
    std::ofstream(xsd) << "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
                          "<xs:import namespace=\"urn:x\" schemaLocation=\""
                       << listener.url("/remote.xsd") << "\"/><xs:element name=\"a\"/></xs:schema>";
    try {
        (void)validate::SchemaValidator::load_xsd(xsd);
    } catch (const std::exception&) {
        // refusing to compile is fine; fetching is not
    }
    EXPECT_EQ(listener.connections(), 0);
}

#ifdef COLOPHON_HAVE_HTML
TEST(XmlSecurity, HtmlPageWithRemoteResourcesFetchesNothing)
{
    Listener listener;
    const std::string page =
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"" + listener.url("/dtd") + "\">\n"
        "<html><head><title>T</title><link rel=\"stylesheet\" href=\"" + listener.url("/s.css") + "\">"
        "<script src=\"" + listener.url("/s.js") + "\"></script></head><body><article><h1>Title</h1>"
        "<p>Some text of the article that is long enough to count as a paragraph of prose.</p>"
        "<img src=\"" + listener.url("/i.png") + "\"><iframe src=\"" + listener.url("/f") + "\"></iframe>"
        "<p>&xxe; more words here to keep it an article.</p></article></body></html>";
    html::HtmlConverter converter;
    core::Diagnostics diags("remote.html");
    try {
        (void)converter.convert(core::make_input("remote.html", page), core::ConvertOptions{}, diags);
    } catch (const core::ConversionError&) {
    }
    EXPECT_EQ(listener.connections(), 0);
}
#endif
