import Foundation
import Testing
@testable import BytekStore

@Suite("ISO timestamps")
struct ISOTimestampTests {
    @Test func formatsUTCWithMilliseconds() {
        #expect(ISOTimestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(ISOTimestamp.format(Date(timeIntervalSince1970: 1_709_820_309.123)) == "2024-03-07T14:05:09.123Z")
        #expect(ISOTimestamp.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
        #expect(ISOTimestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
    }

    @Test func roundTripsAndMatchesFoundation() {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        var ms: Int64 = -2_000_000_000_000
        while ms < 4_000_000_000_000 {
            let date = Date(timeIntervalSince1970: Double(ms) / 1000)
            let text = ISOTimestamp.format(date)
            #expect(ISOTimestamp.parse(text) == date)
            // Foundation agrees on whole seconds (its millisecond digits truncate binary fractions).
            let whole = Date(timeIntervalSince1970: Double(ms / 1000))
            #expect(ISOTimestamp.format(whole) == whole.formatted(style))
            ms += 12_345_678_901
        }
        #expect(ISOTimestamp.parse("2024-03-07T14:05:09Z") == Date(timeIntervalSince1970: 1_709_820_309))
        #expect(ISOTimestamp.parse("2024-13-07T14:05:09Z") == nil)
        #expect(ISOTimestamp.parse("garbage") == nil)
    }

    @Test func textOrderIsTimeOrder() {
        let dates = [0.0, 1.5, 999.999, 1_000_000, 1_700_000_000.25].map { Date(timeIntervalSince1970: $0) }
        let texts = dates.map(ISOTimestamp.format)
        #expect(texts == texts.sorted())
    }
}
