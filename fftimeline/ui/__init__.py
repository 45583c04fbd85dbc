"""ui layer of fftimeline."""
