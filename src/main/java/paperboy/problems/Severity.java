package paperboy.problems;

public enum Severity { WARNING, ERROR }
