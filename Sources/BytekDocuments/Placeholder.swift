public enum BytekDocumentsInfo {}
