public enum BytekWorkerInfo {}
