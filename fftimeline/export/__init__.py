"""export layer of fftimeline."""
