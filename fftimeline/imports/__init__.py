"""imports layer of fftimeline."""
