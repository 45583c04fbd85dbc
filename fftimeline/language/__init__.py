"""language layer of fftimeline."""
