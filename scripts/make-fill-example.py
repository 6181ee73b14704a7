# Writes examples/fill-template.docx: a one-page 工作总结 as a clerk would type it in Word, with
# placeholders split across runs the way Word splits them (rsids, a spell-check mark, a bold part),
# one in a table cell, one in the header and one in the footer. Run: python3 scripts/make-fill-example.py
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
FS = '<w:rFonts w:ascii="仿宋" w:eastAsia="仿宋" w:hAnsi="仿宋"/><w:sz w:val="32"/>'

def r(text, rsid="00A1B2C3", extra=""):
    return f'<w:r w:rsidR="{rsid}"><w:rPr>{FS}{extra}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'

def p(inner, jc="both", indent=True):
    ind = '<w:ind w:firstLineChars="200" w:firstLine="640"/>' if indent else ""
    return f'<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/>{ind}<w:jc w:val="{jc}"/></w:pPr>{inner}</w:p>'

title = (f'<w:p><w:pPr><w:spacing w:after="400"/><w:jc w:val="center"/></w:pPr>'
         f'<w:r><w:rPr><w:rFonts w:ascii="黑体" w:eastAsia="黑体" w:hAnsi="黑体"/><w:sz w:val="44"/></w:rPr><w:t>{{{{年度}}}}年度电子保函工作总结</w:t></w:r></w:p>')
body = [
    title,
    p(r("今年以来，我中心持续推行电子保函替代现金缴纳投标保证金。截至年底，累计开立电子保函")
      + '<w:proofErr w:type="spellStart"/>' + r("{{", "00C4D5E6") + r("电子保函", "00C4D5E6", "<w:b/>")
      + '<w:bookmarkStart w:id="1" w:name="clerk_mark"/>' + r("笔数}}", "00F7A8B9", "<w:b/>") + '<w:bookmarkEnd w:id="1"/>'
      + '<w:proofErr w:type="spellEnd"/>' + r("笔，服务企业")
      + r("{{服务企业家数}}") + r("家，为企业减少资金占用")
      + r("{{eg.amount}}") + r("亿元。")),
    p(r("下一步，我们将继续扩大电子保函覆盖面，主要数据见下表。")),
    '<w:tbl><w:tblPr><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr>'
    '<w:tblGrid><w:gridCol w:w="4200"/><w:gridCol w:w="2400"/></w:tblGrid>'
    f'<w:tr><w:tc><w:tcPr><w:tcW w:w="4200" w:type="dxa"/></w:tcPr>{p(r("电子保函（笔）"), "center", False)}</w:tc>'
    f'<w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/></w:tcPr>{p(r("{{eg.") + r("count}}", "00D1E2F3"), "center", False)}</w:tc></w:tr>'
    f'<w:tr><w:tc><w:tcPr><w:tcW w:w="4200" w:type="dxa"/></w:tcPr>{p(r("党建共建单位（家）"), "center", False)}</w:tc>'
    f'<w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/></w:tcPr>{p(r("{{党建共建单位数}}"), "center", False)}</w:tc></w:tr>'
    '</w:tbl>',
    p(r("（本页由 {{不认识的指标}} 之外的占位符自动填写。）")),
]
sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/>'
        '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')
document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document {W}><w:body>{"".join(body)}{sect}</w:body></w:document>'
header = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:hdr {W}><w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="auto"/></w:pBdr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:sz w:val="21"/></w:rPr><w:t>{{{{单位名称}}}}</w:t></w:r></w:p></w:hdr>'
footer = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:ftr {W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="21"/></w:rPr><w:t>{{{{年度}}}}年度工作总结</w:t></w:r></w:p></w:ftr>'
types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
         '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
docrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
           '<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>')
with zipfile.ZipFile("examples/fill-template.docx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in [("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", document),
                       ("word/_rels/document.xml.rels", docrels), ("word/header1.xml", header), ("word/footer1.xml", footer)]:
        z.writestr(name, data)
