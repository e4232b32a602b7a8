"""Scale out: the same stage functions on Ray Data, writing to the same store through one writer."""
