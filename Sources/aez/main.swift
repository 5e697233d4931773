import CLI
import Foundation

exit(AEZTool.main(Array(CommandLine.arguments.dropFirst())))
