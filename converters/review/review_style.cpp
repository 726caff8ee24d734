#include "review/review_sections.h"

namespace colophon::review {

std::string_view review_css()
{
    // Colours by role: the legend and the boxes read them from the same classes.
    static constexpr std::string_view css = R"css(
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f4f4f1}
header.top{padding:12px 20px;background:#20303c;color:#fff}
header.top h1{margin:0;font-size:20px;word-break:break-all}
header.top p{margin:4px 0 0;color:#cfd8de}
.layout{display:grid;grid-template-columns:1fr;gap:16px;padding:16px}
@media (min-width:1000px){.layout{grid-template-columns:minmax(0,1fr) 380px}.record{position:sticky;top:8px;align-self:start;max-height:calc(100vh - 16px);overflow:auto}}
section,aside{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px}
h2{font-size:17px;margin:4px 0 10px}
.pages{display:flex;flex-direction:column;gap:18px}
figure.page{margin:0}
.sheet{position:relative;width:100%;max-width:720px;border:1px solid #bbb;background:#fff}
.sheet img{display:block;width:100%;height:auto}
.box{position:absolute;border:1.5px solid;background:rgba(0,0,0,.04)}
figcaption{font-size:13px;color:#444;margin-top:4px}
.ocr-low{color:#a40000;font-weight:600}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:4px 10px;margin:0}
dl.meta dt{font-weight:600;color:#555}dl.meta dd{margin:0;word-break:break-word}
.empty{color:#999;font-style:italic}
ul.warnings{padding-left:18px}ul.warnings li{margin-bottom:4px}
code{font-size:13px;background:#f0f0f0;padding:1px 3px;border-radius:3px;word-break:break-all}
.legend{display:flex;flex-wrap:wrap;gap:4px 12px;font-size:13px;margin:8px 0}
.legend span::before{content:"";display:inline-block;width:11px;height:11px;border:2px solid;margin-right:4px;vertical-align:-1px;border-color:inherit}
ol.blocks{padding-left:0;list-style:none;margin:0}
ol.blocks li{border-left:5px solid #ccc;padding:4px 8px;margin:4px 0;background:#fafafa}
li.v-kept{border-color:#2e7d32}li.v-dropped{border-color:#c62828;color:#666}li.v-furniture{border-color:#9e9e9e;color:#888}
.tag{font:12px monospace;color:#555;margin-right:6px}.why{font-size:12px;color:#8a1c1c;margin-left:6px}
.blk{border-left:4px solid #ccc;padding:2px 8px;margin:4px 0}
.blk>.role{font:11px monospace;color:#666;margin-right:6px;text-transform:uppercase}
.verdict a{display:inline-block;margin:4px 8px 4px 0;padding:4px 10px;border:1px solid #888;border-radius:4px;color:#111;text-decoration:none}
.r-title{border-color:#d81b60;color:#d81b60}.r-subtitle{border-color:#f06292;color:#f06292}
.r-byline{border-color:#8e24aa;color:#8e24aa}.r-date{border-color:#5e35b1;color:#5e35b1}
.r-provenance{border-color:#00897b;color:#00897b}.r-series{border-color:#6d4c41;color:#6d4c41}
.r-front-matter{border-color:#795548;color:#795548}.r-abstract{border-color:#f9a825;color:#b27c00}
.r-heading{border-color:#1565c0;color:#1565c0}.r-paragraph{border-color:#2e7d32;color:#2e7d32}
.r-footnote{border-color:#ef6c00;color:#ef6c00}.r-running-header,.r-running-footer{border-color:#757575;color:#757575}
.r-page-number{border-color:#00acc1;color:#00acc1}.r-dropped{border-color:#c62828;color:#c62828}.box.r-dropped{border-style:dashed}
.blk.r-paragraph,.blk.r-heading,.blk.r-footnote,.blk.r-abstract,.blk.r-title,.blk.r-byline,.blk.r-date{color:inherit}
@media print{body{background:#fff}.layout{display:block;padding:0}section,aside{border:0;padding:0;margin-bottom:12px}
figure.page{break-inside:avoid}.record{position:static;max-height:none}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}.verdict{display:none}}
)css";
    return css;
}

} // namespace colophon::review
