package paperboy.parse;

public enum Severity { WARNING, ERROR }
