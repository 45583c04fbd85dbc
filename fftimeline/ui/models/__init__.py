"""models layer of fftimeline."""
