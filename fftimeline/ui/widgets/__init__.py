"""widgets layer of fftimeline."""
