import Foundation
import Testing

@Suite("aez compress --target-bpp and --target-psnr")
struct RateTargetCommandTests {
  static func summary(_ run: ToolRun) throws -> [String: Any] {
    let report = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8))
    return try #require((report as? [String: Any])?["summary"] as? [String: Any])
  }

  /// The embedded digit models record their validation figures: 43.1, 74.3 and 166.3 bits
  /// per image at 19.91, 22.14 and 25.24 dB.
  @Test(
    "a target picks the digits family's member from its validation figures",
    arguments: [
      (["--target-psnr", "22"], "digits-q30"), (["--target-psnr", "25"], "digits-q60"),
      (["--target-psnr", "40"], "digits-q60"), (["--target-bpp", "0.06"], "digits-q10"),
      (["--target-bpp", "0.1"], "digits-q30"),
    ])
  func familyMemberByTarget(arguments: [String], expected: String) throws {
    let run = try AEZExecutable.run(
      ["eval", CLIFixtures.path("digits/seven.png"), "--json"] + arguments)
    try #require(run.status == 0, "\(run)")
    #expect(try Self.summary(run)["model"] as? String == expected)
  }

  @Test("a quality and a target together are refused")
  func conflictingTargets() throws {
    let run = try AEZExecutable.run([
      "eval", CLIFixtures.path("digits/seven.png"), "--quality", "50", "--target-bpp", "1",
    ])
    #expect(run.status == 64, "a usage error")
    #expect(run.standardError.contains("give only one of --quality, --target-bpp"))
  }
}
