"""sqaudit: audit customer-service quality against SERVQUAL and complaint-handling rubrics."""

__version__ = "0.1.0"
