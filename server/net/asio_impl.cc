// Boost.Asio and Boost.Beast compiled once, here, instead of in every file that
// includes them (BOOST_ASIO_SEPARATE_COMPILATION and
// BOOST_BEAST_SEPARATE_COMPILATION are defined for every target that uses
// them): this saves minutes per build on two cores.
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
