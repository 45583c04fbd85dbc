"""dialogs layer of fftimeline."""
