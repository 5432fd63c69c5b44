public enum BytekSUNATInfo {}
