"""services layer of fftimeline."""
