import BytekModel
import BytekStore

extension CatalogService {
    /// `bytek import catalog` and the Catálogo import: every line of `table` created, or with
    /// `options.update` matched by SKU to a stored item and updated in the columns present. One
    /// transaction with one audit entry for the file.
    /// `bytes` is the file as read (`CSVReader` rules: BOM, "," or ";", control characters refused).
    public func importCSV(_ bytes: [UInt8], options: ImportOptions) throws -> ImportReport {
        try actor.authorize(.catalogImport)
        let table = try CSVReader.parse(bytes)
        let map = try CSVCatalogMapping.columnMap(header: table.header, updating: options.update)
        let repository = self.repository
        let header = CSVCatalogMapping.columns
        let importer = CSVImport<CatalogItem>(
            keyColumn: "sku",
            key: \.sku,
            stored: { record, map in
                let sku = map.value("sku", in: record)
                return sku.isEmpty ? nil : try repository.find(sku: sku)
            },
            parse: { record, map in try CSVCatalogMapping.item(from: record, columns: map) },
            merge: { stored, record, map in
                let before = CSVCatalogMapping.row(stored)
                let cells = header.enumerated().map { i, column in map.has(column) ? map.value(column, in: record) : before[i] }
                var item = try CSVCatalogMapping.item(from: CSVRecord(line: record.line, fields: cells),
                                                      columns: CSVCatalogMapping.columnMap(header: header))
                item.id = stored.id; item.createdAt = stored.createdAt; item.updatedAt = stored.updatedAt
                return (item, CSVImport<CatalogItem>.changedColumns(header, before, CSVCatalogMapping.row(item)))
            },
            create: { try repository.create($0) },
            update: { stored, new in
                try repository.update(new)
                if new.active != stored.active, let id = stored.id {
                    if new.active { try repository.activate(id) } else { try repository.deactivate(id) }
                }
            },
            entity: AuditEntity.catalogItem, noun: "ítem(s)")
        return try importer.run(table, map: map, services: services, options: options)
    }

    /// Every item (inactive too) in the columns `importCSV` reads; without the cost column for a role
    /// that may not see costs (an update from that file leaves costs as they are).
    public func exportCSV() throws -> (header: [String], rows: [[String]]) {
        try actor.authorize(.catalogExport)
        let costColumn = seesCosts ? nil : CSVCatalogMapping.columns.firstIndex(of: "costo")
        func visible(_ fields: [String]) -> [String] {
            guard let costColumn else { return fields }
            var f = fields
            f.remove(at: costColumn)
            return f
        }
        let repository = self.repository
        return try services.db.read {
            var rows: [[String]] = []
            try repository.pager(CatalogQuery(activeOnly: false)).walk { rows.append(visible(CSVCatalogMapping.row($0))) }
            return (visible(CSVCatalogMapping.columns), rows)
        }
    }
}
