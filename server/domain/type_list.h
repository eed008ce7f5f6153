#ifndef CAMPANA_DOMAIN_TYPE_LIST_H_
#define CAMPANA_DOMAIN_TYPE_LIST_H_

#include <type_traits>
#include <variant>

// Lists of types, walked at compile time: the engine lists its activities once
// and builds its command and event variants, and its dispatch, from them.
namespace campana::domain {

template <class... T>
struct TypeList {};

template <class... Lists>
struct ConcatT;
template <>
struct ConcatT<> {
  using type = TypeList<>;
};
template <class... A>
struct ConcatT<TypeList<A...>> {
  using type = TypeList<A...>;
};
template <class... A, class... B, class... Rest>
struct ConcatT<TypeList<A...>, TypeList<B...>, Rest...> {
  using type = typename ConcatT<TypeList<A..., B...>, Rest...>::type;
};
// One list of everything in `Lists`, in order.
template <class... Lists>
using Concat = typename ConcatT<Lists...>::type;

template <class List>
struct VariantOfT;
template <class... T>
struct VariantOfT<TypeList<T...>> {
  using type = std::variant<T...>;
};
template <class List>
using VariantOf = typename VariantOfT<List>::type;

template <class T, class List>
struct ContainsT;
template <class T, class... U>
struct ContainsT<T, TypeList<U...>>
    : std::bool_constant<(std::is_same_v<T, U> || ...)> {};
template <class T, class List>
inline constexpr bool kContains = ContainsT<T, List>::value;

// Calls f.template operator()<T>() for each T of the list, in order.
template <class... T, class F>
constexpr void ForEachType(TypeList<T...>, F&& f) {
  (f.template operator()<T>(), ...);
}

// A visitor from lambdas: std::visit(Overloaded{[](const A&) {...}, ...}, v).
template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_TYPE_LIST_H_
