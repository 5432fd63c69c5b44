/// The areas the permission matrix walks. An area adds one line here.
enum MatrixAreas {
    static let all: [any MatrixArea.Type] = [
        CustomerMatrix.self,
        PadronMatrix.self,
    ]
}
