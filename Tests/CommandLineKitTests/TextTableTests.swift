import CommandLineKit
import Testing

@Suite("Text tables for reports")
struct TextTableTests {
  @Test("Numbers align right, text aligns left, no trailing spaces")
  func automaticAlignment() {
    var table = TextTable(headers: ["image", "size", "bpp", "PSNR", "note"])
    table.append(["kodim01.png", "12.3 KiB", "0.512", "31.20", "ok"])
    table.append(["a.png", "812 B", "1.5", "inf", ""])
    table.append(["b-long-name.png", "-", "12.25", "-3.5", "retry"])
    #expect(
      table.render() == """
        image                size    bpp   PSNR  note
        ---------------  --------  -----  -----  -----
        kodim01.png      12.3 KiB  0.512  31.20  ok
        a.png               812 B    1.5    inf
        b-long-name.png         -  12.25   -3.5  retry
        """)
  }

  @Test("Explicit alignment overrides the guess")
  func explicitAlignment() {
    var table = TextTable(columns: [
      TextTable.Column("id", alignment: .left), TextTable.Column("name", alignment: .right),
    ])
    table.append(["7", "x"])
    table.append(["12", "yy"])
    #expect(
      table.render() == """
        id  name
        --  ----
        7      x
        12    yy
        """)
  }

  @Test("A table without rows is its header and rule")
  func emptyTable() {
    let table = TextTable(headers: ["a", "bb"])
    #expect(table.render() == "a  bb\n-  --")
  }
}
