"""store layer of fftimeline."""
