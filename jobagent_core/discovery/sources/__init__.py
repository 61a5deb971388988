"""Job sources. Each module exposes one class implementing `JobSource`."""
