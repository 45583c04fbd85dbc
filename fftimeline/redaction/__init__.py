"""redaction layer of fftimeline."""
